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
/// when the test gave up waiting.
inline Result<ApiResponse> fetch(Connection *connection, const ApiRequest &request, int waitMs = 20000)
{
    std::optional<Result<ApiResponse>> out;
    QEventLoop loop;
    QObject context;
    connection->send(request, &context, [&](const Result<ApiResponse> &r) {
        out = r;
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
