// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Qluster {

/// PodLogs produces a pod container's log as a pure function of the pod and the time: one line
/// every couple of seconds since the container started, so every reader (tail, follow, since)
/// sees the same consistent history without the sandbox storing any log text.
class PodLogs final
{
public:
    struct Line
    {
        QDateTime time;
        QString text;
    };

    /// PodLogs::intervalSeconds is the time between two generated lines.
    static constexpr int intervalSeconds = 2;

    /// PodLogs::lines returns the lines written by `container` of `pod` in (after, until];
    /// `previous` selects the previous (terminated) instance of the container. A container
    /// waiting to restart (CrashLoopBackOff) shows its last terminated instance, as kubelet does.
    static QList<Line> lines(const QJsonObject &pod, const QString &container, bool previous,
                             const QDateTime &after, const QDateTime &until);

    /// PodLogs::startTime is when the container (or its previous instance) started; invalid for
    /// `previous` when no instance has terminated.
    static QDateTime startTime(const QJsonObject &pod, const QString &container, bool previous);

    /// PodLogs::format renders a line, prefixed by its RFC 3339 time when `timestamps` is set.
    static QByteArray format(const Line &line, bool timestamps);
};

} // namespace Qluster
