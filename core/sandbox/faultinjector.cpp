// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "faultinjector.h"

#include "apistatus.h"
#include "sandboxcontext.h"
#include "sandboxobjects.h"
#include "util/logging.h"

#include <QDateTime>
#include <QTimer>

namespace Qluster {

using namespace SandboxObjects;

FaultInjector::FaultInjector(SandboxContext &context)
    : m_ctx(context)
{
}

bool FaultInjector::answerInjectedFailure(SandboxRequest &r)
{
    if (m_failCount <= 0)
        return false;
    --m_failCount;
    HttpHeaders headers;
    QJsonObject status;
    switch (m_failStatus) {
    case 410:
        status = ApiStatus::expired(QStringLiteral("injected fault: resource version expired"));
        break;
    case 429:
        headers.append({"Retry-After", QByteArray::number(m_failRetryAfter)});
        status = ApiStatus::failure(429, QStringLiteral("TooManyRequests"),
                                    QStringLiteral("injected fault: too many requests, please try again later"),
                                    QJsonObject{{QStringLiteral("retryAfterSeconds"), m_failRetryAfter}});
        break;
    default:
        status = ApiStatus::failure(m_failStatus, QStringLiteral("InternalError"),
                                    QStringLiteral("injected fault: an error on the server (\"\") has prevented the request from succeeding"));
    }
    m_ctx.sendJson(r, m_failStatus, status, headers);
    return true;
}

bool FaultInjector::takeTruncation(int status)
{
    if (m_truncateCount <= 0 || status == 304)
        return false;
    --m_truncateCount;
    return true;
}

void FaultInjector::handleFaults(SandboxRequest &r)
{
    // The sandbox's own control endpoint (not a Kubernetes API): fault injection and load knobs
    // for tests and benchmarks that drive qluster-sandbox from outside. Admins only.
    if (!r.identity.groups.contains(QLatin1String("system:masters"))) {
        m_ctx.sendStatus(r, ApiStatus::forbidden(r.identity.user, QStringLiteral("create"), QStringLiteral("faults"),
                                                 QStringLiteral("sandbox.qluster.dev"), QString(), QString()));
        return;
    }
    if (r.http.method != "POST") {
        m_ctx.sendStatus(r, ApiStatus::methodNotAllowed());
        return;
    }
    auto body = m_ctx.parseBody(r);
    if (!body) {
        m_ctx.sendError(r, body.error());
        return;
    }
    const QJsonObject b = *body;
    const QDateTime clockTime = QDateTime::fromString(b.value(QLatin1String("clock")).toString(), Qt::ISODateWithMs);
    if (b.contains(QLatin1String("clock")) && !clockTime.isValid()) {
        m_ctx.sendStatus(r, ApiStatus::badRequest(QStringLiteral("clock: not an RFC 3339 time: %1").arg(b.value(QLatin1String("clock")).toString())));
        return;
    }
    if (b.contains(QLatin1String("advanceClockSeconds")) && !b.value(QLatin1String("advanceClockSeconds")).isDouble()) {
        m_ctx.sendStatus(r, ApiStatus::badRequest(QStringLiteral("advanceClockSeconds: not a number")));
        return;
    }
    if (clockTime.isValid())
        m_ctx.server.setClock(clockTime);
    if (b.contains(QLatin1String("advanceClockSeconds")))
        m_ctx.server.advanceClock(b.value(QLatin1String("advanceClockSeconds")).toInteger());
    if (b.contains(QLatin1String("failNext"))) {
        const QJsonObject f = b.value(QLatin1String("failNext")).toObject();
        failNextRequests(f.value(QLatin1String("count")).toInt(1), f.value(QLatin1String("status")).toInt(500),
                         f.value(QLatin1String("retryAfterSeconds")).toInt(1));
    }
    if (b.contains(QLatin1String("latencyMilliseconds")))
        setLatency(b.value(QLatin1String("latencyMilliseconds")).toInt());
    if (b.contains(QLatin1String("truncateNext")))
        truncateNextResponses(b.value(QLatin1String("truncateNext")).toInt());
    if (b.contains(QLatin1String("loadPods")))
        m_ctx.server.loadPods(b.value(QLatin1String("loadPods")).toInt());
    if (b.contains(QLatin1String("eventsPerSecond")))
        m_ctx.server.setEventsPerSecond(b.value(QLatin1String("eventsPerSecond")).toInt());
    if (b.contains(QLatin1String("expireContinueTokens"))) {
        const QJsonValue v = b.value(QLatin1String("expireContinueTokens"));
        expireContinueTokens(v.isBool() ? int(v.toBool()) : v.toInt());
    }
    if (b.value(QLatin1String("compact")).toBool())
        m_ctx.server.compactHistory();
    m_ctx.sendJson(r, 200, ApiStatus::success());
    if (b.value(QLatin1String("dropWatches")).toBool())
        QTimer::singleShot(0, &m_ctx.server, &SandboxServer::dropWatches);
    if (b.value(QLatin1String("stallWatches")).toBool())
        QTimer::singleShot(0, &m_ctx.server, &SandboxServer::stallWatches);
    if (b.value(QLatin1String("restart")).toBool())
        QTimer::singleShot(0, &m_ctx.server, [server = &m_ctx.server] {
            if (auto restarted = server->restart(); !restarted)
                qCWarning(lcSandbox) << "restart failed:" << restarted.error().toString();
        });
}

void FaultInjector::failNextRequests(int count, int status, int retryAfterSeconds)
{
    m_failCount = count;
    m_failStatus = status;
    m_failRetryAfter = retryAfterSeconds;
}

void FaultInjector::expireContinueTokens(int count)
{
    m_expireContinues = qMax(0, count);
}

void FaultInjector::setLatency(int milliseconds)
{
    m_latency = milliseconds;
}

void FaultInjector::truncateNextResponses(int count)
{
    m_truncateCount = count;
}

} // namespace Qluster
