// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "watchstreamevent.h"

#include <optional>

namespace Qluster {

/// WatchDecoder turns the bytes of a watch response, arriving in chunks cut anywhere, into
/// WatchStreamEvents: it finds each complete top-level JSON object (newline-separated or not) and decodes
/// it; an incomplete tail is kept for the next chunk.
class WatchDecoder final
{
public:
    /// WatchDecoder::Output holds the events a chunk completed and, when a frame could not be
    /// decoded, the first such error (the bad frame is skipped; events after it are still returned).
    struct Output
    {
        std::vector<WatchStreamEvent> events;
        std::optional<Error> error;
    };

    /// WatchDecoder::feed consumes a chunk and returns the events completed by it.
    Output feed(const QByteArray &chunk);
    /// WatchDecoder::hasPartialFrame is true while bytes of an unfinished frame are buffered.
    bool hasPartialFrame() const;
    void reset();

private:
    QByteArray m_buffer;
    qsizetype m_scan = 0;  // next byte of m_buffer to scan
    qsizetype m_start = -1; // start of the current frame, -1 between frames
    int m_depth = 0;
    bool m_inString = false;
    bool m_escape = false;
};

} // namespace Qluster
