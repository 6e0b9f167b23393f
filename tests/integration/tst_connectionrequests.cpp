// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
//
// Connection against loopback servers (plain HTTP): gzip, retries of reads (never of writes),
// timeouts, streams and the head of a body while it arrives, twenty watches beside requests, two
// connections and closing one.
#include "connectiontestsupport.h"

using namespace Qluster;
using namespace Qluster::Test;

namespace {

quint32 crc32(const QByteArray &data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char ch : data) {
        crc ^= quint8(ch);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray gzip(const QByteArray &data)
{
    // qCompress: 4-byte length + zlib stream (2-byte header, raw deflate, 4-byte adler32).
    const QByteArray z = qCompress(data);
    QByteArray out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
    out += z.mid(6, z.size() - 10);
    const quint32 crc = crc32(data);
    const quint32 size = quint32(data.size());
    for (int i = 0; i < 4; ++i)
        out += char((crc >> (8 * i)) & 0xFF);
    for (int i = 0; i < 4; ++i)
        out += char((size >> (8 * i)) & 0xFF);
    return out;
}

} // namespace

class tst_ConnectionRequests final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void gzipAndDisableCompression();
    void retriesReadsNeverWrites();
    void requestTimeout();
    void streamDeliversChunks();
    void headOfA2xxBodyWhileItArrives();
    void twentyWatchesDoNotStarveRequests();
    void twoConnectionsCloseOne();
};

void tst_ConnectionRequests::gzipAndDisableCompression()
{
    const QByteArray big = QByteArray(R"({"items":[)") + QByteArray(5000, 'x') + "]}";
    LoopbackServer server;
    server.setHandler([&](const LoopbackServer::Request &r, LoopbackServer::Exchange &x) {
        if (r.header("Accept-Encoding").contains("gzip"))
            x.reply(200, gzip(big), {{"Content-Type", "application/json"}, {"Content-Encoding", "gzip"}});
        else
            x.reply(200, big, {{"Content-Type", "application/json"}});
    });
    QVERIFY(server.listen());
    auto compressed = open(contextFor(server.url()));
    QVERIFY(compressed);
    const auto r = fetch(compressed.get(), versionRequest());
    if (!r)
        QFAIL(qPrintable(r.error().toString()));
    QVERIFY(server.requests.last().header("Accept-Encoding").contains("gzip"));
    QCOMPARE(r->body, big);

    KubeconfigCluster plain;
    plain.disableCompression = true;
    auto identity = open(contextFor(server.url(), {}, plain));
    QVERIFY(identity);
    const auto r2 = fetch(identity.get(), versionRequest());
    if (!r2)
        QFAIL(qPrintable(r2.error().toString()));
    QCOMPARE(server.requests.last().header("Accept-Encoding"), QByteArray("identity"));
    QCOMPARE(r2->body, big);
}

void tst_ConnectionRequests::retriesReadsNeverWrites()
{
    int failuresLeft = 2;
    LoopbackServer server;
    server.setHandler([&](const LoopbackServer::Request &r, LoopbackServer::Exchange &x) {
        if (r.path() == "/always-busy") {
            x.replyJson(503, statusBody(503, "ServiceUnavailable", "busy"));
        } else if (r.path() == "/throttled") {
            if (failuresLeft-- > 0)
                x.replyJson(429, statusBody(429, "TooManyRequests", "slow down"));
            else
                x.replyJson(200, kVersion);
        } else if (failuresLeft-- > 0) {
            x.reply(failuresLeft ? 500 : 503, "oops");
        } else {
            x.replyJson(200, kVersion);
        }
    });
    QVERIFY(server.listen());
    auto connection = open(contextFor(server.url()));
    QVERIFY(connection);

    QSignalSpy spy(connection.get(), &Connection::closed);
    ApiReply *reply = connection->send(versionRequest());
    int attempts = 0;
    std::optional<Result<ApiResponse>> result;
    QObject::connect(reply, &ApiReply::finished, this, [&] {
        attempts = reply->attempts();
        result = reply->result();
    });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
    QVERIFY(result->has_value());
    QCOMPARE(attempts, 3);

    failuresLeft = 1;
    ApiRequest throttled = ApiRequest::raw(QStringLiteral("/throttled"));
    const qsizetype before = server.requests.size();
    QVERIFY(fetch(connection.get(), throttled).has_value());
    QCOMPARE(server.requests.size(), before + 2);

    // A write is never retried, even on 503.
    ApiRequest write = ApiRequest::raw(QStringLiteral("/always-busy"), "POST");
    write.body = "{}";
    const qsizetype beforeWrite = server.requests.size();
    const auto w = fetch(connection.get(), write);
    QVERIFY(!w);
    QCOMPARE(w.error().httpStatus, 503);
    QCOMPARE(server.requests.size(), beforeWrite + 1);

    // Reads give up after maxRetries.
    const qsizetype beforeRead = server.requests.size();
    const auto busy = fetch(connection.get(), ApiRequest::raw(QStringLiteral("/always-busy")));
    QVERIFY(!busy);
    QCOMPARE(busy.error().reason, QStringLiteral("ServiceUnavailable"));
    QCOMPARE(server.requests.size(), beforeRead + 1 + connection->options().maxRetries);
}

void tst_ConnectionRequests::requestTimeout()
{
    LoopbackServer server;
    server.setHandler([](const LoopbackServer::Request &, LoopbackServer::Exchange &) {});
    QVERIFY(server.listen());
    auto connection = open(contextFor(server.url()));
    ApiRequest request = versionRequest();
    request.timeoutMs = 300;
    const auto r = fetch(connection.get(), request);
    QVERIFY(!r);
    QCOMPARE(r.error().kind, Error::Kind::Timeout);
    QVERIFY2(r.error().toString().startsWith(QStringLiteral("GET ") + server.url().toString()
                                             + QStringLiteral("/version: no answer within 0.3 s")),
             qPrintable(r.error().toString()));
}

void tst_ConnectionRequests::streamDeliversChunks()
{
    LoopbackServer server;
    server.setHandler([&server](const LoopbackServer::Request &r, LoopbackServer::Exchange &x) {
        if (r.path().endsWith("/secrets")) {
            x.replyJson(403, statusBody(403, "Forbidden", "secrets is forbidden"));
            return;
        }
        x.beginChunked(200);
        x.writeChunk("{\"type\":\"ADDED\",");
        server.openStreams.append(x);
    });
    QVERIFY(server.listen());
    auto connection = open(contextFor(server.url()));
    ApiRequest watch = ApiRequest::get(Gvr{QString(), QStringLiteral("v1"), QStringLiteral("configmaps")},
                                       QStringLiteral("demo"));
    watch.watch = true;
    watch.allowWatchBookmarks = true;
    ApiStream *stream = connection->stream(watch);
    QByteArray received;
    std::optional<Result<void>> end;
    QObject::connect(stream, &ApiStream::dataReceived, this, [&](const QByteArray &c) { received += c; });
    QObject::connect(stream, &ApiStream::finished, this, [&](const Result<void> &r) { end = r; });
    QTRY_COMPARE_WITH_TIMEOUT(received, QByteArray("{\"type\":\"ADDED\","), 10000);
    QVERIFY(!end);
    QCOMPARE(server.requests.last().target,
             QByteArray("/api/v1/namespaces/demo/configmaps?watch=true&allowWatchBookmarks=true"));
    server.openStreams.first().writeChunk("\"object\":{}}\n");
    QTRY_COMPARE_WITH_TIMEOUT(received, QByteArray("{\"type\":\"ADDED\",\"object\":{}}\n"), 10000);
    server.openStreams.first().endChunked();
    QTRY_VERIFY_WITH_TIMEOUT(end.has_value(), 10000);
    QVERIFY(end->has_value());

    ApiRequest secrets = watch;
    secrets.gvr.resource = QStringLiteral("secrets");
    ApiStream *denied = connection->stream(secrets);
    std::optional<Result<void>> deniedEnd;
    QObject::connect(denied, &ApiStream::finished, this, [&](const Result<void> &r) { deniedEnd = r; });
    QTRY_VERIFY_WITH_TIMEOUT(deniedEnd.has_value(), 10000);
    QVERIFY(!deniedEnd->has_value());
    QCOMPARE(deniedEnd->error().httpStatus, 403);
    QCOMPARE(deniedEnd->error().message, QStringLiteral("secrets is forbidden"));
}

void tst_ConnectionRequests::headOfA2xxBodyWhileItArrives()
{
    const QByteArray part1 = R"({"kind":"Table","metadata":{"continue":"t1"},)";
    const QByteArray part2 = R"("rows":[{"cells":["a"]},)";
    const QByteArray part3 = QByteArray(R"({"cells":[")") + QByteArray(200, 'x') + R"("]}]})";
    const QByteArray whole = R"({"kind":"ConfigMapList","items":[]})";
    int busyLeft = 1;
    LoopbackServer server;
    server.setHandler([&](const LoopbackServer::Request &r, LoopbackServer::Exchange &x) {
        if (r.path() == "/slow") {
            x.beginChunked(200);
            x.writeChunk(part1);
            server.openStreams.append(x);
        } else if (r.path() == "/busy" && busyLeft-- > 0) {
            x.replyJson(503, statusBody(503, "ServiceUnavailable", "busy"));
        } else if (r.path() == "/busy") {
            x.replyJson(200, whole);
        } else {
            x.replyJson(404, statusBody(404, "NotFound", "no such thing"));
        }
    });
    QVERIFY(server.listen());
    auto connection = open(contextFor(server.url()));
    QVERIFY(connection);

    // The head grows with each piece of the body, up to headBytes, before finished().
    ApiRequest slow = ApiRequest::raw(QStringLiteral("/slow"));
    slow.headBytes = int(part1.size() + part2.size() + 10);
    ApiReply *reply = connection->send(slow);
    QList<QByteArray> heads;
    std::optional<Result<ApiResponse>> result;
    QObject::connect(reply, &ApiReply::headReceived, this, [&](const QByteArray &head) {
        QVERIFY(!result);
        heads.append(head);
    });
    QObject::connect(reply, &ApiReply::finished, this, [&] { result = reply->result(); });
    QTRY_COMPARE_WITH_TIMEOUT(heads, QList<QByteArray>{part1}, 10000);
    server.openStreams.first().writeChunk(part2);
    QTRY_COMPARE_WITH_TIMEOUT(heads.size(), 2, 10000);
    QCOMPARE(heads.at(1), QByteArray(part1 + part2));
    server.openStreams.first().writeChunk(part3);
    QTRY_COMPARE_WITH_TIMEOUT(heads.size(), 3, 10000);
    QCOMPARE(heads.at(2), QByteArray(part1 + part2 + part3).left(slow.headBytes));
    QVERIFY(!result);
    server.openStreams.first().endChunked();
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    QVERIFY(result->has_value());
    QCOMPARE((*result)->body, QByteArray(part1 + part2 + part3)); // peeking consumed nothing
    QCOMPARE(heads.size(), 3);

    // A retried attempt (503) shows nothing: only the body of the final 2xx answer.
    ApiRequest busy = ApiRequest::raw(QStringLiteral("/busy"));
    busy.headBytes = 4096;
    reply = connection->send(busy);
    heads.clear();
    result.reset();
    QObject::connect(reply, &ApiReply::headReceived, this, [&](const QByteArray &head) { heads.append(head); });
    int attempts = 0;
    QObject::connect(reply, &ApiReply::finished, this, [&] {
        result = reply->result();
        attempts = reply->attempts(); // the reply deletes itself after finished
    });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    QVERIFY(result->has_value());
    QCOMPARE(attempts, 2);
    QCOMPARE(heads, QList<QByteArray>{whole});

    // An error status shows nothing; neither does a request that did not ask (headBytes 0).
    for (int headBytes : {4096, 0}) {
        ApiRequest missing = ApiRequest::raw(QStringLiteral("/missing"));
        missing.headBytes = headBytes;
        reply = connection->send(missing);
        heads.clear();
        result.reset();
        QObject::connect(reply, &ApiReply::headReceived, this, [&](const QByteArray &head) { heads.append(head); });
        QObject::connect(reply, &ApiReply::finished, this, [&] { result = reply->result(); });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
        QCOMPARE(result->error().httpStatus, 404);
        QVERIFY(heads.isEmpty());
    }
    ApiReply *plain = connection->send(ApiRequest::raw(QStringLiteral("/busy")));
    QSignalSpy plainHeads(plain, &ApiReply::headReceived);
    QSignalSpy plainFinished(plain, &ApiReply::finished);
    QVERIFY(plainFinished.wait(10000));
    QCOMPARE(plainHeads.size(), 0);
}

void tst_ConnectionRequests::twentyWatchesDoNotStarveRequests()
{
    LoopbackServer server;
    server.setHandler([&server](const LoopbackServer::Request &r, LoopbackServer::Exchange &x) {
        if (r.target.contains("watch=true")) {
            x.beginChunked(200);
            x.writeChunk("{}\n");
            server.openStreams.append(x);
        } else {
            x.replyJson(200, kVersion);
        }
    });
    QVERIFY(server.listen());
    auto connection = open(contextFor(server.url()));
    int streamsWithData = 0;
    for (int i = 0; i < 20; ++i) {
        ApiRequest watch = ApiRequest::get(Gvr{QString(), QStringLiteral("v1"), QStringLiteral("pods")});
        watch.watch = true;
        watch.extraQuery = {{QStringLiteral("n"), QString::number(i)}};
        ApiStream *s = connection->stream(watch);
        QObject::connect(s, &ApiStream::dataReceived, this, [&streamsWithData] { ++streamsWithData; });
    }
    // Every watch is open at the same time over plain HTTP/1.1 ...
    QTRY_COMPARE_WITH_TIMEOUT(streamsWithData, 20, 20000);
    // ... and ordinary requests still go through.
    for (int i = 0; i < 8; ++i) {
        const auto r = fetch(connection.get(), versionRequest(), 10000);
        if (!r)
            QFAIL(qPrintable(r.error().toString()));
    }
    QCOMPARE(connection->pendingCount(), 20);
    connection->close();
    QCOMPARE(connection->pendingCount(), 0);
}

void tst_ConnectionRequests::twoConnectionsCloseOne()
{
    LoopbackServer server;
    QList<LoopbackServer::Exchange> held;
    server.setHandler([&](const LoopbackServer::Request &r, LoopbackServer::Exchange &x) {
        if (r.target.contains("watch=true")) {
            x.beginChunked(200);
            x.writeChunk("{}\n");
        }
        held.append(x); // answered later
    });
    QVERIFY(server.listen());
    auto first = open(contextFor(server.url()));
    auto second = open(contextFor(server.url()));
    QVERIFY(first && second);

    ApiRequest watch = ApiRequest::get(Gvr{QString(), QStringLiteral("v1"), QStringLiteral("pods")});
    watch.watch = true;
    std::optional<Result<ApiResponse>> r1, r2;
    std::optional<Result<void>> s1, s2;
    first->send(versionRequest(), this, [&](const Result<ApiResponse> &r) { r1 = r; });
    second->send(versionRequest(), this, [&](const Result<ApiResponse> &r) { r2 = r; });
    QObject::connect(first->stream(watch), &ApiStream::finished, this, [&](const Result<void> &r) { s1 = r; });
    QObject::connect(second->stream(watch), &ApiStream::finished, this, [&](const Result<void> &r) { s2 = r; });
    QTRY_COMPARE_WITH_TIMEOUT(held.size(), 4, 10000);

    QSignalSpy closed(first.get(), &Connection::closed);
    first->close();
    QCOMPARE(closed.size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(r1.has_value() && s1.has_value(), 5000);
    QCOMPARE(r1->error().kind, Error::Kind::Cancelled);
    QCOMPARE(s1->error().kind, Error::Kind::Cancelled);
    QTest::qWait(100);
    QVERIFY(!r2 && !s2);
    QCOMPARE(second->pendingCount(), 2);

    // The second connection is untouched: its request completes when the server answers.
    for (LoopbackServer::Exchange &x : held) {
        if (x.isOpen() && !server.requests.isEmpty())
            x.replyJson(200, kVersion);
    }
    QTRY_VERIFY_WITH_TIMEOUT(r2.has_value(), 10000);
    QVERIFY(r2->has_value());

    // A closed connection refuses new work at once.
    const auto late = fetch(first.get(), versionRequest());
    QVERIFY(!late);
    QCOMPARE(late.error().kind, Error::Kind::Cancelled);
}

QTEST_GUILESS_MAIN(tst_ConnectionRequests)
#include "tst_connectionrequests.moc"
