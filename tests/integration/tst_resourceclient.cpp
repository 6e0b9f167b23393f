// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// ResourceClient against the SandboxServer: every verb, dry runs, the 409 of a stale update, apply
// conflicts and force, subresources, delete options, list pages, logs, and the stream requests.
#include "sandboxfixture.h"
#include "testenv.h"

#include "api/resourceclient.h"
#include "config/kubeconfig.h"
#include "net/apistream.h"
#include "net/connection.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QTest>
#include <QTimer>

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsKubectl)

using namespace Qluster;

namespace {

const Gvr kConfigMaps{QString(), QStringLiteral("v1"), QStringLiteral("configmaps")};
const Gvr kPods{QString(), QStringLiteral("v1"), QStringLiteral("pods")};
const Gvr kDeployments{QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("deployments")};
const QString kNs = QStringLiteral("default");

// Waits for one callback of the client (at most 20 s).
template<typename T, typename Call>
Result<T> wait(Call call)
{
    std::optional<Result<T>> out;
    QEventLoop loop;
    QObject context;
    call(&context, [&](const Result<T> &result) {
        out = result;
        loop.quit();
    });
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    if (!out)
        loop.exec();
    if (!out)
        return fail(Error::invalid(QStringLiteral("test gave up waiting")));
    return *out;
}

QJsonObject configMap(const QString &name, const QJsonObject &data)
{
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name},
                                                                {QStringLiteral("namespace"), kNs}}},
                       {QStringLiteral("data"), data}};
}

QString field(const QJsonObject &object, const QString &section, const QString &key)
{
    return object.value(section).toObject().value(key).toString();
}

} // namespace

class tst_ResourceClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void getAndNotFound();
    void createDryRunThenForReal();
    void staleUpdateIsAConflict();
    void patchesByType();
    void applyConflictsAndForce();
    void scaleSubresource();
    void deleteOptions();
    void listPages();
    void logs();
    void streamRequests();
    void closedConnection();

private:
    Result<QJsonObject> get(const ObjectRef &ref)
    {
        return wait<QJsonObject>([&](QObject *c, auto done) { m_client->get(ref, c, done); });
    }

    std::unique_ptr<SandboxFixture> m_fixture;
    std::unique_ptr<Connection> m_connection;
    std::unique_ptr<ResourceClient> m_client;
};

void tst_ResourceClient::initTestCase()
{
    m_fixture = std::make_unique<SandboxFixture>();
    QVERIFY2(m_fixture->error().isEmpty(), qPrintable(m_fixture->error()));
    auto config = Kubeconfig::load(m_fixture->kubeconfig());
    QVERIFY(config.has_value());
    auto resolved = config->resolve(QStringLiteral("sandbox-admin"));
    QVERIFY(resolved.has_value());
    auto connection = Connection::create(*resolved);
    QVERIFY2(connection.has_value(), connection ? "" : qPrintable(connection.error().toString()));
    m_connection = std::move(*connection);
    m_client = std::make_unique<ResourceClient>(m_connection.get());
    QVERIFY(!m_fixture->create(makePod(kNs, QStringLiteral("web-1"))).isEmpty());
}

void tst_ResourceClient::cleanupTestCase()
{
    m_client.reset();
    m_connection.reset();
    m_fixture.reset();
}

void tst_ResourceClient::getAndNotFound()
{
    const auto pod = get({kPods, kNs, QStringLiteral("web-1")});
    QVERIFY2(pod.has_value(), pod ? "" : qPrintable(pod.error().toString()));
    QCOMPARE(pod->value(QLatin1String("kind")).toString(), QStringLiteral("Pod"));
    QCOMPARE(field(*pod, QStringLiteral("metadata"), QStringLiteral("name")), QStringLiteral("web-1"));

    const auto missing = get({kPods, kNs, QStringLiteral("nope")});
    QVERIFY(!missing.has_value());
    QCOMPARE(missing.error().httpStatus, 404);
    QCOMPARE(missing.error().reason, QStringLiteral("NotFound"));
    QVERIFY2(missing.error().message.contains(QLatin1String("\"nope\" not found")),
             qPrintable(missing.error().message));
}

void tst_ResourceClient::createDryRunThenForReal()
{
    const QJsonObject cm = configMap(QStringLiteral("created"), {{QStringLiteral("a"), QStringLiteral("1")}});
    WriteOptions dry;
    dry.dryRun = true;
    const auto dryRun = wait<QJsonObject>(
        [&](QObject *c, auto done) { m_client->create({kConfigMaps, kNs}, cm, dry, c, done); });
    QVERIFY2(dryRun.has_value(), dryRun ? "" : qPrintable(dryRun.error().toString()));
    QCOMPARE(field(*dryRun, QStringLiteral("data"), QStringLiteral("a")), QStringLiteral("1"));
    QCOMPARE(get({kConfigMaps, kNs, QStringLiteral("created")}).error().httpStatus, 404);

    const auto created = wait<QJsonObject>(
        [&](QObject *c, auto done) { m_client->create({kConfigMaps, kNs}, cm, {}, c, done); });
    QVERIFY2(created.has_value(), created ? "" : qPrintable(created.error().toString()));
    QVERIFY(!field(*created, QStringLiteral("metadata"), QStringLiteral("uid")).isEmpty());
    QVERIFY(get({kConfigMaps, kNs, QStringLiteral("created")}).has_value());

    const auto again = wait<QJsonObject>(
        [&](QObject *c, auto done) { m_client->create({kConfigMaps, kNs}, cm, {}, c, done); });
    QVERIFY(!again.has_value());
    QCOMPARE(again.error().httpStatus, 409);
    QCOMPARE(again.error().reason, QStringLiteral("AlreadyExists"));
}

void tst_ResourceClient::staleUpdateIsAConflict()
{
    const ObjectRef ref{kConfigMaps, kNs, QStringLiteral("updated")};
    QVERIFY(!m_fixture->create(configMap(ref.name, {{QStringLiteral("v"), QStringLiteral("1")}})).isEmpty());
    const auto first = get(ref);
    QVERIFY(first.has_value());

    // Someone else changes it in between: our copy's resourceVersion is stale.
    QJsonObject theirs = *first;
    theirs.insert(QStringLiteral("data"), QJsonObject{{QStringLiteral("v"), QStringLiteral("theirs")}});
    const auto changed = wait<QJsonObject>(
        [&](QObject *c, auto done) { m_client->update(ref, theirs, {}, c, done); });
    QVERIFY2(changed.has_value(), changed ? "" : qPrintable(changed.error().toString()));

    QJsonObject mine = *first;
    mine.insert(QStringLiteral("data"), QJsonObject{{QStringLiteral("v"), QStringLiteral("mine")}});
    const auto stale = wait<QJsonObject>(
        [&](QObject *c, auto done) { m_client->update(ref, mine, {}, c, done); });
    QVERIFY(!stale.has_value());
    QCOMPARE(stale.error().httpStatus, 409);
    QCOMPARE(stale.error().reason, QStringLiteral("Conflict"));
    QCOMPARE(field(*get(ref), QStringLiteral("data"), QStringLiteral("v")), QStringLiteral("theirs"));
}

void tst_ResourceClient::patchesByType()
{
    const ObjectRef ref{kConfigMaps, kNs, QStringLiteral("patched")};
    QVERIFY(!m_fixture->create(configMap(ref.name, {{QStringLiteral("a"), QStringLiteral("1")}})).isEmpty());
    const auto patch = [&](PatchType type, const QByteArray &body) {
        return wait<QJsonObject>(
            [&](QObject *c, auto done) { m_client->patch(ref, type, body, {}, c, done); });
    };
    auto merged = patch(PatchType::Merge, R"({"data":{"b":"2"}})");
    QVERIFY2(merged.has_value(), merged ? "" : qPrintable(merged.error().toString()));
    QCOMPARE(field(*merged, QStringLiteral("data"), QStringLiteral("b")), QStringLiteral("2"));
    auto strategic = patch(PatchType::StrategicMerge, R"({"data":{"a":null}})");
    QVERIFY2(strategic.has_value(), strategic ? "" : qPrintable(strategic.error().toString()));
    QVERIFY(!strategic->value(QLatin1String("data")).toObject().contains(QLatin1String("a")));
    auto json = patch(PatchType::Json, R"([{"op":"add","path":"/data/c","value":"3"}])");
    QVERIFY2(json.has_value(), json ? "" : qPrintable(json.error().toString()));
    QCOMPARE(field(*json, QStringLiteral("data"), QStringLiteral("c")), QStringLiteral("3"));

    // A failing JSON patch test is the server's 422, and nothing changed.
    auto failed = patch(PatchType::Json, R"([{"op":"test","path":"/data/c","value":"9"}])");
    QVERIFY(!failed.has_value());
    QCOMPARE(failed.error().httpStatus, 422);
    QCOMPARE(field(*get(ref), QStringLiteral("data"), QStringLiteral("c")), QStringLiteral("3"));
}

void tst_ResourceClient::applyConflictsAndForce()
{
    const ObjectRef ref{kConfigMaps, kNs, QStringLiteral("applied")};
    const QByteArray mine = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: applied, namespace: default}\n"
                            "data: {k: mine}\n";
    const auto apply = [&](const QByteArray &body, const WriteOptions &options) {
        return wait<QJsonObject>(
            [&](QObject *c, auto done) { m_client->patch(ref, PatchType::Apply, body, options, c, done); });
    };
    const auto created = apply(mine, {});
    QVERIFY2(created.has_value(), created ? "" : qPrintable(created.error().toString()));
    // With no field manager given, the client's own name owns the fields.
    const QJsonArray managed = created->value(QLatin1String("metadata")).toObject()
                                   .value(QLatin1String("managedFields")).toArray();
    QCOMPARE(managed.size(), 1);
    QCOMPARE(managed.at(0).toObject().value(QLatin1String("manager")).toString(), QStringLiteral("qluster"));

    WriteOptions other;
    other.fieldManager = QStringLiteral("other-tool");
    QByteArray theirs = mine;
    theirs.replace("k: mine", "k: theirs");
    const auto conflict = apply(theirs, other);
    QVERIFY(!conflict.has_value());
    QCOMPARE(conflict.error().httpStatus, 409);
    QCOMPARE(conflict.error().reason, QStringLiteral("Conflict"));
    QVERIFY(!conflict.error().causes.isEmpty());
    QCOMPARE(conflict.error().causes.first().field, QStringLiteral(".data.k"));
    QCOMPARE(field(*get(ref), QStringLiteral("data"), QStringLiteral("k")), QStringLiteral("mine"));

    other.force = true;
    const auto forced = apply(theirs, other);
    QVERIFY2(forced.has_value(), forced ? "" : qPrintable(forced.error().toString()));
    QCOMPARE(field(*forced, QStringLiteral("data"), QStringLiteral("k")), QStringLiteral("theirs"));
}

void tst_ResourceClient::scaleSubresource()
{
    const KubectlResult made = m_fixture->kubectl({QStringLiteral("create"), QStringLiteral("deployment"),
        QStringLiteral("scaled"), QStringLiteral("--image=example/web:1.0"), QStringLiteral("-n"), kNs});
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    const ObjectRef scale{kDeployments, kNs, QStringLiteral("scaled"), QStringLiteral("scale")};
    auto current = get(scale);
    QVERIFY2(current.has_value(), current ? "" : qPrintable(current.error().toString()));
    QCOMPARE(current->value(QLatin1String("kind")).toString(), QStringLiteral("Scale"));
    QJsonObject next = *current;
    next.insert(QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), 3}});
    const auto updated = wait<QJsonObject>(
        [&](QObject *c, auto done) { m_client->update(scale, next, {}, c, done); });
    QVERIFY2(updated.has_value(), updated ? "" : qPrintable(updated.error().toString()));
    const auto deployment = get({kDeployments, kNs, QStringLiteral("scaled")});
    QCOMPARE(deployment->value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt(), 3);
}

void tst_ResourceClient::deleteOptions()
{
    const ObjectRef ref{kConfigMaps, kNs, QStringLiteral("deleted")};
    QVERIFY(!m_fixture->create(configMap(ref.name, {})).isEmpty());
    const auto remove = [&](const DeleteOptions &options) {
        return wait<QJsonObject>(
            [&](QObject *c, auto done) { m_client->remove(ref, options, c, done); });
    };
    DeleteOptions wrongUid;
    wrongUid.preconditionUid = QStringLiteral("00000000-0000-0000-0000-000000000000");
    const auto refused = remove(wrongUid);
    QVERIFY(!refused.has_value());
    QCOMPARE(refused.error().httpStatus, 409);
    QVERIFY(get(ref).has_value());

    DeleteOptions dry;
    dry.dryRun = true;
    QVERIFY(remove(dry).has_value());
    QVERIFY(get(ref).has_value());

    DeleteOptions real;
    real.propagationPolicy = QStringLiteral("Background");
    real.gracePeriodSeconds = 0;
    real.preconditionUid = field(*get(ref), QStringLiteral("metadata"), QStringLiteral("uid"));
    const auto gone = remove(real);
    QVERIFY2(gone.has_value(), gone ? "" : qPrintable(gone.error().toString()));
    QCOMPARE(get(ref).error().httpStatus, 404);

    const QJsonObject body = real.toJson();
    QCOMPARE(body.value(QLatin1String("kind")).toString(), QStringLiteral("DeleteOptions"));
    QCOMPARE(body.value(QLatin1String("gracePeriodSeconds")).toInteger(), 0);
    QCOMPARE(field(body, QStringLiteral("preconditions"), QStringLiteral("uid")), real.preconditionUid);
}

void tst_ResourceClient::listPages()
{
    for (int i = 0; i < 3; ++i)
        QVERIFY(!m_fixture->create(configMap(QStringLiteral("page-%1").arg(i), {})).isEmpty());
    ListQuery query;
    query.limit = 2;
    query.table = true;
    const auto first = wait<ListPage>(
        [&](QObject *c, auto done) { m_client->list({kConfigMaps, kNs}, query, c, done); });
    QVERIFY2(first.has_value(), first ? "" : qPrintable(first.error().toString()));
    QCOMPARE(first->items.size(), 2);
    QVERIFY(!first->columns.isEmpty()); // a Table: the server's columns
    QVERIFY(!first->continueToken.isEmpty());
    query.continueToken = first->continueToken;
    const auto second = wait<ListPage>(
        [&](QObject *c, auto done) { m_client->list({kConfigMaps, kNs}, query, c, done); });
    QVERIFY(second.has_value());
    QVERIFY(second->items.size() >= 1);
}

void tst_ResourceClient::logs()
{
    // A pod has a log once its container runs.
    QTRY_COMPARE_WITH_TIMEOUT(field(*get({kPods, kNs, QStringLiteral("web-1")}), QStringLiteral("status"),
                                    QStringLiteral("phase")),
                              QStringLiteral("Running"), 15000);
    LogOptions options;
    options.tailLines = 5;
    ApiStream *stream = m_client->logs({kPods, kNs, QStringLiteral("web-1")}, options);
    QVERIFY(stream);
    QByteArray text;
    std::optional<Result<void>> result;
    QEventLoop loop;
    QObject::connect(stream, &ApiStream::dataReceived, stream, [&text](const QByteArray &chunk) { text += chunk; });
    QObject::connect(stream, &ApiStream::finished, &loop, [&](const Result<void> &r) {
        result = r;
        loop.quit();
    });
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    loop.exec();
    QVERIFY(result.has_value());
    QVERIFY2(result->has_value(), *result ? "" : qPrintable(result->error().toString()));
    QVERIFY2(!text.isEmpty(), "the sandbox's pods write log lines");
    QVERIFY(text.count('\n') <= 5);
}

void tst_ResourceClient::streamRequests()
{
    const ObjectRef pod{kPods, kNs, QStringLiteral("web-1")};
    ExecOptions exec;
    exec.command = {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo a && ls /")};
    exec.container = QStringLiteral("app");
    exec.stdinStream = true;
    exec.tty = true;
    const ApiRequest e = ResourceClient::execRequest(pod, exec);
    QCOMPARE(e.path(), QStringLiteral("/api/v1/namespaces/default/pods/web-1/exec"));
    // kubectl's order; every argument word its own command= parameter, encoded.
    QCOMPARE(e.query().query(QUrl::FullyEncoded),
             QStringLiteral("command=sh&command=-c&command=echo%20a%20%26%26%20ls%20%2F&container=app"
                            "&stdin=true&stdout=true&stderr=true&tty=true"));
    QCOMPARE(ResourceClient::attachRequest(pod, exec).path(),
             QStringLiteral("/api/v1/namespaces/default/pods/web-1/attach"));
    const ApiRequest pf = ResourceClient::portForwardRequest(pod, {8080, 9090});
    QCOMPARE(pf.path(), QStringLiteral("/api/v1/namespaces/default/pods/web-1/portforward"));
    QCOMPARE(pf.query().query(QUrl::FullyEncoded), QStringLiteral("ports=8080&ports=9090"));
    const ApiRequest proxy = ResourceClient::proxyRequest(
        {Gvr{QString(), QStringLiteral("v1"), QStringLiteral("services")}, QStringLiteral("monitoring"),
         QStringLiteral("http:grafana:3000")},
        QStringLiteral("/api/health"));
    QCOMPARE(proxy.url(QUrl(QStringLiteral("https://k:6443"))).toString(QUrl::FullyEncoded),
             QStringLiteral("https://k:6443/api/v1/namespaces/monitoring/services/http%3Agrafana%3A3000/proxy/api/health"));
    LogOptions follow;
    follow.follow = true;
    follow.container = QStringLiteral("app");
    follow.previous = true;
    follow.sinceSeconds = 60;
    const ApiRequest log = ResourceClient::logRequest(pod, follow);
    QCOMPARE(log.query().query(QUrl::FullyEncoded),
             QStringLiteral("container=app&follow=true&previous=true&sinceSeconds=60"));
    QCOMPARE(log.timeoutMs, 0);
}

void tst_ResourceClient::closedConnection()
{
    auto config = Kubeconfig::load(m_fixture->kubeconfig());
    auto connection = Connection::create(*config->resolve(QStringLiteral("sandbox-admin")));
    QVERIFY(connection.has_value());
    ResourceClient client(connection->get());
    connection->reset(); // the connection is gone: requests fail at once, callbacks still run
    const auto result = wait<QJsonObject>(
        [&](QObject *c, auto done) { client.get({kPods, kNs, QStringLiteral("web-1")}, c, done); });
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().kind, Error::Kind::Cancelled);
    QVERIFY(!client.watch({kPods, kNs}, {}));
}

QTEST_GUILESS_MAIN(tst_ResourceClient)
#include "tst_resourceclient.moc"
