// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "net/apireply.h"
#include "net/connection.h"

#include <QEventLoop>
#include <QTimer>

#include <optional>

namespace Qluster::Test {

/// fetch sends request on connection and waits (at most waitMs) for its result; a Timeout error
/// when the test gave up waiting. attempts, when given, receives how many HTTP requests it took.
inline Result<ApiResponse> fetch(Connection *connection, const ApiRequest &request, int waitMs = 20000,
                                 int *attempts = nullptr)
{
    std::optional<Result<ApiResponse>> out;
    QEventLoop loop;
    ApiReply *reply = connection->send(request);
    QObject::connect(reply, &ApiReply::finished, &loop, [&] {
        out = reply->result();
        if (attempts)
            *attempts = reply->attempts();
        loop.quit();
    });
    QTimer::singleShot(waitMs, &loop, &QEventLoop::quit);
    if (!out)
        loop.exec();
    if (!out) {
        Error e;
        e.kind = Error::Kind::Timeout;
        e.message = QStringLiteral("test gave up waiting");
        return fail(e);
    }
    return *out;
}

} // namespace Qluster::Test
