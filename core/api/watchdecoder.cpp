// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "watchdecoder.h"

namespace Qluster {

WatchDecoder::Output WatchDecoder::feed(const QByteArray &chunk)
{
    m_buffer.append(chunk);
    Output out;
    qsizetype consumed = 0;
    const char *data = m_buffer.constData();
    const qsizetype size = m_buffer.size();
    for (qsizetype i = m_scan; i < size; ++i) {
        const char c = data[i];
        if (m_start < 0) {
            if (c == '{') {
                m_start = i;
                m_depth = 1;
                m_inString = false;
                m_escape = false;
            } else {
                consumed = i + 1; // whitespace or newline between frames
            }
            continue;
        }
        if (m_inString) {
            if (m_escape)
                m_escape = false;
            else if (c == '\\')
                m_escape = true;
            else if (c == '"')
                m_inString = false;
            continue;
        }
        if (c == '"') {
            m_inString = true;
        } else if (c == '{' || c == '[') {
            ++m_depth;
        } else if (c == '}' || c == ']') {
            if (--m_depth == 0) {
                auto event = decodeWatchStreamEvent(QByteArray::fromRawData(data + m_start, i + 1 - m_start));
                if (event)
                    out.events.push_back(std::move(*event));
                else if (!out.error)
                    out.error = event.error();
                m_start = -1;
                consumed = i + 1;
            }
        }
    }
    if (m_start >= 0)
        consumed = m_start;
    m_buffer.remove(0, consumed);
    if (m_start >= 0)
        m_start -= consumed;
    m_scan = m_buffer.size();
    return out;
}

bool WatchDecoder::hasPartialFrame() const
{
    return m_start >= 0;
}

void WatchDecoder::reset()
{
    m_buffer.clear();
    m_scan = 0;
    m_start = -1;
    m_depth = 0;
    m_inString = false;
    m_escape = false;
}

} // namespace Qluster
