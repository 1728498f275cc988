#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <variant>

namespace stampede {

// The embedded target's REST resource: JSON objects kept in memory under increasing ids, as
// the course's small Flask and FastAPI servers keep their /courses. Bounded in items and in
// bytes per item, and safe under concurrency: the async server calls it from target-io, the
// sync server from each of its workers.
class ItemStore {
public:
    static constexpr std::size_t kMaxItems = 10'000;
    static constexpr std::size_t kMaxItemBytes = 64 * 1024;

    // Why a change was refused, as the HTTP status to answer with and a sentence.
    struct Refusal {
        int status;
        std::string message;
    };
    using Result = std::variant<std::string, Refusal>; // the stored object as JSON, or why not
    struct Created {
        std::uint64_t id;
        std::string json;
    };

    // Stores the JSON object `body` under a new id, which it gains as its "id" member.
    std::variant<Created, Refusal> create(std::string_view body);
    // Replaces item `id` by `body`, keeping its id.
    Result replace(std::uint64_t id, std::string_view body);
    std::optional<std::string> find(std::uint64_t id) const;
    bool remove(std::uint64_t id);
    std::string listJson() const; // every item, oldest first, as one JSON array
    std::size_t size() const;

private:
    mutable std::mutex mutex_;
    std::map<std::uint64_t, std::string> items_; // each as compact JSON
    std::uint64_t lastId_ = 0;
};

} // namespace stampede
