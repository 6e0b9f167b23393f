// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// Real kubectl against the SandboxServer: what kubectl does here must behave as on an apiserver.

#include "sandboxfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

using namespace Qluster;

class tst_SandboxKubectl : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxFixture> m_f;

    // A namespaced CRD in group example.com, version v1, whose objects may hold anything.
    static QByteArray crd(const char *plural, const char *kind, const QByteArray &extra = {})
    {
        const QByteArray p(plural);
        return "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: " + p
               + ".example.com\nspec:\n  group: example.com\n  scope: Namespaced\n  names: {plural: " + p + ", singular: " + p.chopped(1)
               + ", kind: " + kind + "}\n  versions:\n  - name: v1\n    served: true\n    storage: true\n"
                 "    schema:\n      openAPIV3Schema:\n        type: object\n        x-kubernetes-preserve-unknown-fields: true\n"
               + extra;
    }

    QString podPhase(const QString &ns, const QString &name)
    {
        QString phase;
        m_f->sandbox().invoke([&](SandboxServer &s) {
            if (const QJsonObject *o = s.store().get(Gvr{QString(), QStringLiteral("v1"), QStringLiteral("pods")}, ns, name))
                phase = o->value(QLatin1String("status")).toObject().value(QLatin1String("phase")).toString();
        });
        return phase;
    }

private Q_SLOTS:
    void initTestCase()
    {
        SandboxOptions options;
        options.podStartMilliseconds = 100;
        m_f = std::make_unique<SandboxFixture>(options);
        QVERIFY2(m_f->error().isEmpty(), qPrintable(m_f->error()));
        QVERIFY(!m_f->create(makePod(QStringLiteral("default"), QStringLiteral("web-1"))).isEmpty());
        QVERIFY(!m_f->create(makePod(QStringLiteral("kube-system"), QStringLiteral("dns-1"))).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(podPhase(QStringLiteral("default"), QStringLiteral("web-1")), QStringLiteral("Running"), 5000);
    }

    void cleanupTestCase() { m_f.reset(); }

    void getPodsAllNamespaces()
    {
        const KubectlResult r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A")});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.size() >= 3);
        QVERIFY(lines.first().contains(QRegularExpression(QStringLiteral("^NAMESPACE\\s+NAME\\s+READY\\s+STATUS\\s+RESTARTS\\s+AGE$"))));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("default\\s+web-1\\s+1/1\\s+Running\\s+0\\s+\\d+s"))));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("kube-system\\s+dns-1\\s+1/1\\s+Running"))));
    }

    void chunkedGetIsOneSnapshotWhileObjectsChange()
    {
        const QString ns = QStringLiteral("chunks");
        const Gvr pods{QString(), QStringLiteral("v1"), QStringLiteral("pods")};
        QVERIFY(!m_f->create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                         {QStringLiteral("kind"), QStringLiteral("Namespace")},
                                         {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), ns}}}}).isEmpty());
        for (int i = 0; i < 7; ++i)
            QVERIFY(!m_f->create(makePod(ns, QStringLiteral("p-%1").arg(i))).isEmpty());
        for (int i = 0; i < 7; ++i)
            QTRY_COMPARE_WITH_TIMEOUT(podPhase(ns, QStringLiteral("p-%1").arg(i)), QStringLiteral("Running"), 5000);

        // After every page kubectl receives, the cluster changes: a pod is created, one modified and
        // one deleted (all in pages not yet sent). The first page's state is recorded as it was sent.
        QStringList expected;
        int pages = 0;
        QMetaObject::Connection hook;
        m_f->sandbox().invoke([&](SandboxServer &s) {
            hook = connect(&s, &SandboxServer::requestHandled, &s, [&, server = &s](const QString &verb, const QString &path, int status) {
                if (verb != QLatin1String("GET") || path != QLatin1String("/api/v1/pods") || status != 200)
                    return;
                if (pages++ == 0) {
                    for (const auto &[key, pod] : server->store().objects(pods))
                        expected << key + QLatin1Char('@') + pod.value(QLatin1String("metadata")).toObject().value(QLatin1String("resourceVersion")).toString();
                }
                (void)server->createObject(makePod(ns, QStringLiteral("late-%1").arg(pages)));
                if (const QJsonObject *p3 = server->store().get(pods, ns, QStringLiteral("p-3"))) {
                    QJsonObject pod = *p3;
                    QJsonObject meta = pod.value(QLatin1String("metadata")).toObject();
                    meta.insert(QStringLiteral("labels"), QJsonObject{{QStringLiteral("page"), QString::number(pages)}});
                    pod.insert(QStringLiteral("metadata"), meta);
                    server->store().put(pods, pod);
                }
                server->store().remove(pods, ns, QStringLiteral("p-%1").arg(7 - pages));
            }, Qt::DirectConnection);
        });
        const KubectlResult r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A"),
                                              QStringLiteral("--chunk-size=2"), QStringLiteral("-o"), QStringLiteral("json")});
        m_f->sandbox().invoke([&](SandboxServer &) { disconnect(hook); });
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
        QVERIFY(pages >= 4);
        QStringList listed;
        for (const QJsonValue &item : QJsonDocument::fromJson(r.out.toUtf8()).object().value(QLatin1String("items")).toArray()) {
            const QJsonObject meta = item.toObject().value(QLatin1String("metadata")).toObject();
            listed << meta.value(QLatin1String("namespace")).toString() + QLatin1Char('/') + meta.value(QLatin1String("name")).toString()
                          + QLatin1Char('@') + meta.value(QLatin1String("resourceVersion")).toString();
        }
        QCOMPARE(listed, expected);
        // Deleted while kubectl paged, so still listed; created meanwhile, so not listed.
        QCOMPARE(listed.filter(QStringLiteral("chunks/p-6@")).size(), 1);
        QVERIFY(listed.filter(QStringLiteral("chunks/late-")).isEmpty());
        // A new list sees what changed.
        const KubectlResult now = m_f->kubectl({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"), ns, QStringLiteral("--chunk-size=2"),
                                                QStringLiteral("-o"), QStringLiteral("name")});
        QVERIFY2(now.exitCode == 0, qPrintable(now.err));
        QVERIFY(now.out.contains(QStringLiteral("pod/late-1")));
        QVERIFY(!now.out.contains(QStringLiteral("pod/p-6")));
    }

    void chunkedGetWithExpiredContinueFailsLikeTheApiserver()
    {
        m_f->sandbox().invoke([](SandboxServer &s) { s.expireContinueTokens(1); });
        const KubectlResult r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A"), QStringLiteral("--chunk-size=1")});
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Error from server (Expired): The provided continue parameter is too old to display a "
                                               "consistent list result. You can start a new list without the continue parameter, or use "
                                               "the continue token in this response to retrieve the remainder of the results.")),
                 qPrintable(r.err));
        // The knob is used up: the next chunked list succeeds.
        const KubectlResult again = m_f->kubectl({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A"), QStringLiteral("--chunk-size=1")});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    }

    void apiResourcesUsesAggregatedDiscovery()
    {
        const KubectlResult r = m_f->kubectl({QStringLiteral("api-resources"), QStringLiteral("-v=7")});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("Accept: application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList")));
        // With aggregated discovery kubectl needs no per-group-version document.
        QVERIFY2(!r.err.contains(QStringLiteral("/apis/apps/v1")), qPrintable(r.err));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("deployments\\s+deploy\\s+apps/v1\\s+true\\s+Deployment"))));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("pods\\s+po\\s+v1\\s+true\\s+Pod"))));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("customresourcedefinitions\\s+crd,crds\\s+apiextensions.k8s.io/v1\\s+false"))));
    }

    void apiResourcesWithoutAggregatedDiscovery()
    {
        SandboxOptions options;
        options.aggregatedDiscovery = false;
        SandboxFixture old(options);
        QVERIFY2(old.error().isEmpty(), qPrintable(old.error()));
        const KubectlResult r = old.kubectl({QStringLiteral("api-resources"), QStringLiteral("-v=6")});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("/apis/apps/v1")), qPrintable(r.err)); // fell back to per-group documents
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("deployments\\s+deploy\\s+apps/v1\\s+true\\s+Deployment"))));
    }

    void watchReceivesLaterCreate()
    {
        QProcess p;
        p.setProcessEnvironment(m_f->environment());
        p.start(QStringLiteral(QLUSTER_KUBECTL), m_f->arguments({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-w"), QStringLiteral("-n"), QStringLiteral("default")}));
        QVERIFY(p.waitForStarted(10000));
        QString out;
        auto read = [&] { out += QString::fromUtf8(p.readAllStandardOutput()); return out; };
        QTRY_VERIFY_WITH_TIMEOUT(read().contains(QStringLiteral("web-1")), 15000);
        QVERIFY(!out.contains(QStringLiteral("watched-1")));
        QVERIFY(!m_f->create(makePod(QStringLiteral("default"), QStringLiteral("watched-1"))).isEmpty());
        QTRY_VERIFY2_WITH_TIMEOUT(read().contains(QRegularExpression(QStringLiteral("watched-1\\s+0/1\\s+Pending"))), qPrintable(out + QString::fromUtf8(p.readAllStandardError())), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(read().contains(QRegularExpression(QStringLiteral("watched-1\\s+1/1\\s+Running"))), 15000);
        p.kill();
        p.waitForFinished(5000);
    }

    void execEchoHi()
    {
        const KubectlResult r = m_f->kubectl({QStringLiteral("exec"), QStringLiteral("web-1"), QStringLiteral("--"), QStringLiteral("echo"), QStringLiteral("hi")});
        QVERIFY2(r.finished, "kubectl exec hung");
        QCOMPARE(r.out, QStringLiteral("hi\n"));
        QCOMPARE(r.exitCode, 0);
    }

    // Running a command needs `create` on pods/exec; `get` (what a WebSocket upgrade, a GET, used
    // to be authorized with) is not enough.
    void execNeedsCreateOnPodsExec()
    {
        // In a namespace of its own: the bindings below give the viewer more than `view`.
        const QString ns = QStringLiteral("exec-rbac");
        KubectlResult r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("namespace"), ns});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!m_f->create(makePod(ns, QStringLiteral("shell"))).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(podPhase(ns, QStringLiteral("shell")), QStringLiteral("Running"), 5000);
        const QString viewer = QStringLiteral("--context=sandbox-viewer");
        const QStringList exec{viewer, QStringLiteral("exec"), QStringLiteral("-n"), ns, QStringLiteral("shell"), QStringLiteral("--"),
                               QStringLiteral("echo"), QStringLiteral("hi")};
        const QString forbidden = QStringLiteral("Error from server (Forbidden): pods \"shell\" is forbidden: User \"viewer\" cannot create resource "
                                                 "\"pods/exec\" in API group \"\" in the namespace \"exec-rbac\"");
        r = m_f->kubectl(exec);
        QVERIFY2(r.finished, "kubectl exec hung");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(forbidden), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());

        for (const char *verb : {"get", "create"}) {
            const QString role = QStringLiteral("exec-") + QLatin1String(verb);
            r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("role"), role, QStringLiteral("-n"), ns, QStringLiteral("--verb=") + QLatin1String(verb),
                              QStringLiteral("--resource=pods/exec")});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("rolebinding"), QStringLiteral("viewer-") + role, QStringLiteral("-n"), ns,
                              QStringLiteral("--role=") + role, QStringLiteral("--user=viewer")});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            r = m_f->kubectl({viewer, QStringLiteral("auth"), QStringLiteral("can-i"), QLatin1String(verb), QStringLiteral("pods"),
                              QStringLiteral("--subresource=exec"), QStringLiteral("-n"), ns});
            QCOMPARE(r.out.trimmed(), QStringLiteral("yes"));
            r = m_f->kubectl(exec);
            QVERIFY2(r.finished, "kubectl exec hung");
            if (QLatin1String(verb) == QLatin1String("get")) {
                QCOMPARE(r.exitCode, 1);
                QVERIFY2(r.err.contains(forbidden), qPrintable(r.err));
                QVERIFY(r.out.isEmpty());
            } else {
                QVERIFY2(r.exitCode == 0, qPrintable(r.err));
                QCOMPARE(r.out, QStringLiteral("hi\n"));
            }
        }
    }

    void execExitCode()
    {
        const KubectlResult r = m_f->kubectl({QStringLiteral("exec"), QStringLiteral("web-1"), QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("cat /etc/hostname; exit 3")});
        QVERIFY2(r.finished, "kubectl exec hung");
        QCOMPARE(r.out, QStringLiteral("web-1\n"));
        QCOMPARE(r.exitCode, 3);
    }

    void logsFollow()
    {
        QProcess p;
        p.setProcessEnvironment(m_f->environment());
        p.start(QStringLiteral(QLUSTER_KUBECTL), m_f->arguments({QStringLiteral("logs"), QStringLiteral("-f"), QStringLiteral("web-1"), QStringLiteral("--timestamps")}));
        QVERIFY(p.waitForStarted(10000));
        QString out;
        auto read = [&] { out += QString::fromUtf8(p.readAllStandardOutput()); return out; };
        QTRY_VERIFY_WITH_TIMEOUT(read().contains(QStringLiteral("Starting app (image example/app:1.0) in pod web-1")), 15000);
        const int linesAtStart = int(out.count(QLatin1Char('\n')));
        // Following: new lines keep arriving on the open stream.
        QTRY_VERIFY_WITH_TIMEOUT(int(read().count(QLatin1Char('\n'))) > linesAtStart, 10000);
        QVERIFY(out.contains(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z "), QRegularExpression::MultilineOption)));
        QCOMPARE(p.state(), QProcess::Running);
        p.kill();
        p.waitForFinished(5000);
    }

    void execWithStdin()
    {
        const KubectlResult r = m_f->kubectl({QStringLiteral("exec"), QStringLiteral("-i"), QStringLiteral("web-1"), QStringLiteral("--"), QStringLiteral("sh")},
                                             "echo from-stdin\ncat /etc/hostname\nexit 4\n");
        QVERIFY2(r.finished, "kubectl exec -i hung");
        QCOMPARE(r.out, QStringLiteral("from-stdin\nweb-1\n"));
        QCOMPARE(r.exitCode, 4);
    }

    void logsFollowEndsWithTheContainer()
    {
        QJsonObject job = makePod(QStringLiteral("default"), QStringLiteral("short-lived"));
        QJsonObject meta = job.value(QLatin1String("metadata")).toObject();
        meta.insert(QStringLiteral("annotations"), QJsonObject{{QStringLiteral("sandbox.qluster.dev/behavior"), QStringLiteral("complete")}});
        job.insert(QStringLiteral("metadata"), meta);
        QVERIFY(!m_f->create(job).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(podPhase(QStringLiteral("default"), QStringLiteral("short-lived")), QStringLiteral("Running"), 5000);
        const KubectlResult r = m_f->kubectl({QStringLiteral("logs"), QStringLiteral("-f"), QStringLiteral("short-lived")}, {}, 20000);
        QVERIFY2(r.finished, "kubectl logs -f did not end with the container");
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("Starting app")));
        QVERIFY(r.out.endsWith(QStringLiteral("app: work finished, exiting\n")));
    }

    void logsOfOneContainerSinceAndPrevious()
    {
        QVERIFY(!m_f->create(makePod(QStringLiteral("default"), QStringLiteral("two-logs"), {QStringLiteral("app"), QStringLiteral("sidecar")})).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(podPhase(QStringLiteral("default"), QStringLiteral("two-logs")), QStringLiteral("Running"), 5000);
        // The containers have been running for an hour: a long log, of which --since shows the end.
        m_f->sandbox().invoke([](SandboxServer &s) {
            const Gvr pods{QString(), QStringLiteral("v1"), QStringLiteral("pods")};
            QJsonObject pod = *s.store().get(pods, QStringLiteral("default"), QStringLiteral("two-logs"));
            QJsonObject status = pod.value(QLatin1String("status")).toObject();
            QJsonArray statuses;
            for (const QJsonValue &v : status.value(QLatin1String("containerStatuses")).toArray()) {
                QJsonObject cs = v.toObject();
                cs.insert(QStringLiteral("state"), QJsonObject{{QStringLiteral("running"),
                                                                QJsonObject{{QStringLiteral("startedAt"), QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODate)}}}});
                statuses.append(cs);
            }
            status.insert(QStringLiteral("containerStatuses"), statuses);
            pod.insert(QStringLiteral("status"), status);
            s.store().put(pods, pod);
        });
        KubectlResult r = m_f->kubectl({QStringLiteral("logs"), QStringLiteral("two-logs"), QStringLiteral("-c"), QStringLiteral("sidecar")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.startsWith(QStringLiteral("Starting sidecar (image example/sidecar:1.0) in pod two-logs\n")), qPrintable(r.out.left(200)));
        QVERIFY(r.out.contains(QStringLiteral("INFO sidecar: GET /healthz 200")));
        QVERIFY(!r.out.contains(QStringLiteral(" app:")));
        r = m_f->kubectl({QStringLiteral("logs"), QStringLiteral("two-logs"), QStringLiteral("-c"), QStringLiteral("nope")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("container nope is not valid for pod two-logs")), qPrintable(r.err));

        const KubectlResult since = m_f->kubectl({QStringLiteral("logs"), QStringLiteral("two-logs"), QStringLiteral("-c"), QStringLiteral("app"),
                                                  QStringLiteral("--since=10s"), QStringLiteral("--timestamps")});
        const KubectlResult all = m_f->kubectl({QStringLiteral("logs"), QStringLiteral("two-logs"), QStringLiteral("-c"), QStringLiteral("app"),
                                                QStringLiteral("--timestamps")});
        QVERIFY2(since.exitCode == 0 && all.exitCode == 0, qPrintable(since.err + all.err));
        const QStringList sinceLines = since.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const QStringList allLines = all.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(allLines.size() >= 3600 / 2, qPrintable(QString::number(allLines.size())));
        QVERIFY2(!sinceLines.isEmpty() && sinceLines.size() <= 10 / 2 + 2, qPrintable(since.out));
        QVERIFY(allLines.first().contains(QStringLiteral("Starting app")));
        for (const QString &line : sinceLines)
            QVERIFY2(allLines.contains(line) && !line.contains(QStringLiteral("Starting")), qPrintable(line));

        // Nothing has terminated in this pod yet.
        r = m_f->kubectl({QStringLiteral("logs"), QStringLiteral("two-logs"), QStringLiteral("-c"), QStringLiteral("app"), QStringLiteral("--previous")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Error from server (BadRequest): previous terminated container \"app\" in pod \"two-logs\" not found")),
                 qPrintable(r.err));
    }

    // The demo data's crash-looping pod: CrashLoopBackOff once started, and the log of the instance
    // that crashed, with --previous and (as kubelet serves a waiting container) without.
    void demoCrashLoopingPod()
    {
        SandboxOptions options;
        options.demoData = true;
        options.podStartMilliseconds = 100;
        SandboxFixture demo(options);
        QVERIFY2(demo.error().isEmpty(), qPrintable(demo.error()));
        const QStringList pod{QStringLiteral("flaky-worker"), QStringLiteral("-n"), QStringLiteral("shop")};
        KubectlResult r;
        QTRY_VERIFY2_WITH_TIMEOUT((r = demo.kubectl(QStringList{QStringLiteral("get"), QStringLiteral("pod")} + pod))
                                      .out.contains(QRegularExpression(QStringLiteral("flaky-worker\\s+0/1\\s+CrashLoopBackOff\\s+[1-9]"))),
                                  qPrintable(r.out + r.err), 10000);
        r = demo.kubectl(QStringList{QStringLiteral("get"), QStringLiteral("pod")} + pod
                         + QStringList{QStringLiteral("-o"), QStringLiteral("jsonpath={.status.containerStatuses[0].state.waiting.reason}/"
                                                                            "{.status.containerStatuses[0].lastState.terminated.exitCode}")});
        QCOMPARE(r.out, QStringLiteral("CrashLoopBackOff/1"));
        const KubectlResult previous = demo.kubectl(QStringList{QStringLiteral("logs"), QStringLiteral("--previous")} + pod);
        QVERIFY2(previous.exitCode == 0, qPrintable(previous.err));
        QVERIFY2(previous.out.startsWith(QStringLiteral("Starting worker (image ghcr.io/example/worker:0.3) in pod flaky-worker\n")), qPrintable(previous.out));
        QVERIFY2(previous.out.endsWith(QStringLiteral("FATAL worker: unrecoverable error, exit code 1\n")), qPrintable(previous.out));
        r = demo.kubectl(QStringList{QStringLiteral("logs")} + pod);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, previous.out);
    }

    // A client speaking only v4.channel.k8s.io (no v5 close channel): the resize channel sizes the
    // terminal (`stty size`), the exit code arrives as a Status on the error channel.
    void execOverV4WithResize()
    {
        QString token;
        QByteArray ca;
        m_f->sandbox().invoke([&](SandboxServer &s) {
            token = s.token(QStringLiteral("developer"));
            ca = s.caCertificatePem();
        });
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(QSslCertificate::fromData(ca, QSsl::Pem));
        auto open = [&](QWebSocket &ws, const QString &query, QHash<int, QByteArray> &channels) {
            QUrl url = m_f->sandbox().server()->url();
            url.setScheme(QStringLiteral("wss"));
            url.setPath(QStringLiteral("/api/v1/namespaces/default/pods/web-1/exec"));
            url.setQuery(query);
            QNetworkRequest request(url);
            request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
            QWebSocketHandshakeOptions options;
            options.setSubprotocols({QStringLiteral("v4.channel.k8s.io")});
            ws.setSslConfiguration(ssl);
            connect(&ws, &QWebSocket::binaryMessageReceived, &ws, [&channels](const QByteArray &m) {
                if (!m.isEmpty())
                    channels[int(uchar(m.at(0)))] += m.mid(1);
            });
            ws.open(request, options);
        };

        QHash<int, QByteArray> channels;
        QWebSocket ws;
        open(ws, QStringLiteral("command=sh&stdin=true&stdout=true&stderr=true&tty=true"), channels);
        QTRY_COMPARE_WITH_TIMEOUT(ws.state(), QAbstractSocket::ConnectedState, 10000);
        QCOMPARE(ws.subprotocol(), QStringLiteral("v4.channel.k8s.io"));
        QTRY_VERIFY_WITH_TIMEOUT(channels.value(1).endsWith("# "), 5000); // the prompt of a terminal
        ws.sendBinaryMessage(QByteArray(1, 0) + "stty size\n");
        QTRY_VERIFY2_WITH_TIMEOUT(channels.value(1).contains("stty size\r\n0 0\n# "), channels.value(1).constData(), 5000);
        ws.sendBinaryMessage(QByteArray(1, 4) + R"({"Width":120,"Height":40})");
        ws.sendBinaryMessage(QByteArray(1, 0) + "stty size\n");
        QTRY_VERIFY2_WITH_TIMEOUT(channels.value(1).contains("40 120\n"), channels.value(1).constData(), 5000);
        ws.sendBinaryMessage(QByteArray(1, 4) + R"({"Width":80,"Height":24})");
        ws.sendBinaryMessage(QByteArray(1, 0) + "stty size; exit 3\n");
        QTRY_VERIFY_WITH_TIMEOUT(!channels.value(3).isEmpty(), 5000);
        QVERIFY2(channels.value(1).contains("24 80\n"), channels.value(1).constData());
        const QJsonObject status = QJsonDocument::fromJson(channels.value(3)).object();
        QCOMPARE(status.value(QLatin1String("status")).toString(), QStringLiteral("Failure"));
        QCOMPARE(status.value(QLatin1String("reason")).toString(), QStringLiteral("NonZeroExitCode"));
        QCOMPARE(status.value(QLatin1String("details")).toObject().value(QLatin1String("causes")).toArray().first().toObject().value(QLatin1String("message")).toString(),
                 QStringLiteral("3"));
        QTRY_COMPARE_WITH_TIMEOUT(ws.state(), QAbstractSocket::UnconnectedState, 5000);

        // Without a terminal: no prompt, stty fails as on a pipe, success is a Success Status.
        QHash<int, QByteArray> plain;
        QWebSocket once;
        open(once, QStringLiteral("command=sh&command=-c&command=echo%20v4;%20stty%20size&stdout=true&stderr=true"), plain);
        QTRY_VERIFY_WITH_TIMEOUT(!plain.value(3).isEmpty(), 10000);
        QCOMPARE(once.subprotocol(), QStringLiteral("v4.channel.k8s.io"));
        QCOMPARE(plain.value(1), QByteArray("v4\n"));
        QCOMPARE(plain.value(2), QByteArray("stty: 'standard input': Inappropriate ioctl for device\n"));
        QCOMPARE(QJsonDocument::fromJson(plain.value(3)).object().value(QLatin1String("status")).toString(), QStringLiteral("Failure"));
    }

    void execInteractiveWithoutATerminal()
    {
        // kubectl's stdin is a pipe: it says so and runs without a terminal (no prompt, no echo).
        const KubectlResult r = m_f->kubectl({QStringLiteral("exec"), QStringLiteral("-i"), QStringLiteral("-t"), QStringLiteral("web-1"), QStringLiteral("--"),
                                              QStringLiteral("sh")},
                                             "echo piped\nstty size\nexit 0\n");
        QVERIFY2(r.finished, "kubectl exec -i -t hung");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("piped\n"));
        QVERIFY2(r.err.contains(QStringLiteral("Unable to use a TTY - input is not a terminal or the right kind of file")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("stty: 'standard input': Inappropriate ioctl for device")), qPrintable(r.err));
    }

    void createGeneratorsSendingProtobuf()
    {
        // `kubectl create <kind>` uses typed clients that send protobuf bodies.
        KubectlResult r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("namespace"), QStringLiteral("gen")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("configmap"), QStringLiteral("conf"), QStringLiteral("-n"), QStringLiteral("gen"),
                          QStringLiteral("--from-literal=a=1"), QStringLiteral("--from-literal=b=2")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("secret"), QStringLiteral("generic"), QStringLiteral("creds"), QStringLiteral("-n"),
                          QStringLiteral("gen"), QStringLiteral("--from-literal=user=admin")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("serviceaccount"), QStringLiteral("bot"), QStringLiteral("-n"), QStringLiteral("gen")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("cm,secret,sa"), QStringLiteral("-n"), QStringLiteral("gen")});
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("configmap/conf\\s+2\\s"))));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("secret/creds\\s+Opaque\\s+1\\s"))));
        QVERIFY(r.out.contains(QStringLiteral("serviceaccount/bot")));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("secret"), QStringLiteral("creds"), QStringLiteral("-n"), QStringLiteral("gen"),
                          QStringLiteral("-o"), QStringLiteral("jsonpath={.data.user}")});
        QCOMPARE(QByteArray::fromBase64(r.out.toLatin1()), QByteArray("admin"));
    }

    void describeShowsEvents()
    {
        const KubectlResult r = m_f->kubectl({QStringLiteral("describe"), QStringLiteral("pod"), QStringLiteral("web-1")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("Status:\\s+Running"))));
        QVERIFY2(r.out.contains(QStringLiteral("Successfully assigned default/web-1 to sandbox-node-1")), qPrintable(r.out));
    }

    void logsTail()
    {
        const KubectlResult r = m_f->kubectl({QStringLiteral("logs"), QStringLiteral("web-1"), QStringLiteral("--tail=1")});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.count(QLatin1Char('\n')), 1);
    }

    void authCanIReadOnlyUser()
    {
        const QString viewer = QStringLiteral("--context=sandbox-viewer");
        KubectlResult r = m_f->kubectl({viewer, QStringLiteral("auth"), QStringLiteral("can-i"), QStringLiteral("list"), QStringLiteral("pods")});
        QCOMPARE(r.out.trimmed(), QStringLiteral("yes"));
        QCOMPARE(r.exitCode, 0);
        r = m_f->kubectl({viewer, QStringLiteral("auth"), QStringLiteral("can-i"), QStringLiteral("delete"), QStringLiteral("pods")});
        QCOMPARE(r.out.trimmed(), QStringLiteral("no"));
        QCOMPARE(r.exitCode, 1);
        r = m_f->kubectl({viewer, QStringLiteral("delete"), QStringLiteral("pod"), QStringLiteral("web-1")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Error from server (Forbidden): pods \"web-1\" is forbidden: User \"viewer\" cannot delete resource \"pods\" in API group \"\" in the namespace \"default\"")), qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("--context=sandbox-token"), QStringLiteral("auth"), QStringLiteral("can-i"), QStringLiteral("delete"), QStringLiteral("pods")});
        QCOMPARE(r.out.trimmed(), QStringLiteral("yes"));
    }

    // `auth can-i --list` shows the SelfSubjectRulesReview, answered from the same RBAC rules that
    // decide single questions and requests: every verb it lists, can-i allows, and no other.
    void authCanIListMatchesCanIForTheReadOnlyUser()
    {
        const QString viewer = QStringLiteral("--context=sandbox-viewer");
        // resource (or non-resource URL) -> verbs, from the table kubectl prints.
        auto rules = [&](const QStringList &extra) {
            QHash<QString, QStringList> out;
            const KubectlResult r = m_f->kubectl(QStringList{viewer, QStringLiteral("auth"), QStringLiteral("can-i"), QStringLiteral("--list")} + extra);
            if (r.exitCode != 0)
                qWarning() << r.err;
            const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            if (!lines.value(0).contains(QRegularExpression(QStringLiteral("^Resources\\s+Non-Resource URLs\\s+Resource Names\\s+Verbs$"))))
                return out;
            static const QRegularExpression row(QStringLiteral("^(\\S*)\\s+\\[([^\\]]*)\\]\\s+\\[([^\\]]*)\\]\\s+\\[([^\\]]*)\\]$"));
            for (const QString &line : lines.mid(1)) {
                const auto m = row.match(line);
                if (!m.hasMatch()) {
                    out.insert(QStringLiteral("unparsed"), {line});
                    continue;
                }
                const QString key = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
                out[key] += m.captured(4).split(QLatin1Char(' '), Qt::SkipEmptyParts);
                out[key].removeDuplicates(); // /version comes from two bootstrap roles, as on a cluster
            }
            return out;
        };
        const QHash<QString, QStringList> listed = rules({});
        QVERIFY2(!listed.contains(QStringLiteral("unparsed")), qPrintable(listed.value(QStringLiteral("unparsed")).join(QLatin1Char('\n'))));
        const QStringList readVerbs{QStringLiteral("get"), QStringLiteral("list"), QStringLiteral("watch")};
        QCOMPARE(listed.value(QStringLiteral("pods")), readVerbs);
        QCOMPARE(listed.value(QStringLiteral("deployments.apps")), readVerbs);
        QCOMPARE(listed.value(QStringLiteral("selfsubjectaccessreviews.authorization.k8s.io")), QStringList{QStringLiteral("create")});
        QCOMPARE(listed.value(QStringLiteral("/version")), QStringList{QStringLiteral("get")});
        QVERIFY(!listed.contains(QStringLiteral("secrets")));
        QVERIFY(!listed.contains(QStringLiteral("pods/exec")));

        const QStringList resources{QStringLiteral("pods"), QStringLiteral("secrets"), QStringLiteral("deployments.apps"),
                                    QStringLiteral("selfsubjectaccessreviews.authorization.k8s.io")};
        for (const QString &resource : resources) {
            for (const QString &verb : {QStringLiteral("get"), QStringLiteral("watch"), QStringLiteral("create"), QStringLiteral("delete")}) {
                const KubectlResult r = m_f->kubectl({viewer, QStringLiteral("auth"), QStringLiteral("can-i"), verb, resource});
                const bool expected = listed.value(resource).contains(verb);
                QVERIFY2(r.out.trimmed() == (expected ? QStringLiteral("yes") : QStringLiteral("no")) && r.exitCode == (expected ? 0 : 1),
                         qPrintable(QStringLiteral("can-i %1 %2: %3 %4").arg(verb, resource, r.out, r.err)));
            }
        }
        // ... and requests are decided the same way.
        KubectlResult r = m_f->kubectl({viewer, QStringLiteral("get"), QStringLiteral("secrets")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("cannot list resource \"secrets\"")), qPrintable(r.err));

        // A RoleBinding adds its rules in its namespace only.
        r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("namespace"), QStringLiteral("team")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("rolebinding"), QStringLiteral("viewer-edits"), QStringLiteral("-n"), QStringLiteral("team"),
                          QStringLiteral("--clusterrole=edit"), QStringLiteral("--user=viewer")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QHash<QString, QStringList> inTeam = rules({QStringLiteral("-n"), QStringLiteral("team")});
        QVERIFY2(inTeam.value(QStringLiteral("secrets")).contains(QStringLiteral("create")), qPrintable(inTeam.value(QStringLiteral("secrets")).join(QLatin1Char(' '))));
        QCOMPARE(rules({}), listed);
        r = m_f->kubectl({viewer, QStringLiteral("auth"), QStringLiteral("can-i"), QStringLiteral("create"), QStringLiteral("secrets"), QStringLiteral("-n"), QStringLiteral("team")});
        QCOMPARE(r.out.trimmed(), QStringLiteral("yes"));
        r = m_f->kubectl({viewer, QStringLiteral("auth"), QStringLiteral("can-i"), QStringLiteral("create"), QStringLiteral("secrets")});
        QCOMPARE(r.out.trimmed(), QStringLiteral("no"));
    }

    void unauthenticatedIsRejected()
    {
        const KubectlResult r = m_f->kubectl({QStringLiteral("--token=not-a-token"), QStringLiteral("--context=sandbox-token"), QStringLiteral("get"), QStringLiteral("pods")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Unauthorized")), qPrintable(r.err));
    }

    void dryRunServerChangesNothing()
    {
        const QByteArray cm = R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dry","namespace":"default"},"data":{"a":"b"}})";
        KubectlResult r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-"), QStringLiteral("--dry-run=server")}, cm);
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("configmap/dry created (server dry run)")));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("configmap"), QStringLiteral("dry")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("configmaps \"dry\" not found")), qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("delete"), QStringLiteral("pod"), QStringLiteral("web-1"), QStringLiteral("--dry-run=server")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(podPhase(QStringLiteral("default"), QStringLiteral("web-1")), QStringLiteral("Running"));
    }

    // --dry-run=server on an update, a merge patch and a server-side apply: the answer is the
    // object as it would be, the stored one does not change.
    void dryRunServerOnUpdatePatchAndApply()
    {
        KubectlResult r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("configmap"), QStringLiteral("dry-target"), QStringLiteral("--from-literal=a=1")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList stored{QStringLiteral("get"), QStringLiteral("configmap"), QStringLiteral("dry-target"), QStringLiteral("-o"),
                                 QStringLiteral("jsonpath={.metadata.resourceVersion}/{.data.a}/{.metadata.managedFields[*].manager}")};
        const QString before = m_f->kubectl(stored).out;
        QVERIFY2(before.endsWith(QStringLiteral("/1/kubectl-create")), qPrintable(before));
        const QString asJsonPath = QStringLiteral("jsonpath={.data.a}");

        auto object = [](const char *value) -> QByteArray {
            return QByteArray(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dry-target","namespace":"default"},"data":{"a":")") + value + "\"}}";
        };
        r = m_f->kubectl({QStringLiteral("replace"), QStringLiteral("--dry-run=server"), QStringLiteral("-f"), QStringLiteral("-"), QStringLiteral("-o"), asJsonPath},
                         object("2"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("2"));
        QCOMPARE(m_f->kubectl(stored).out, before);

        r = m_f->kubectl({QStringLiteral("patch"), QStringLiteral("configmap"), QStringLiteral("dry-target"), QStringLiteral("--type=merge"), QStringLiteral("-p"),
                          QStringLiteral(R"({"data":{"a":"3"}})"), QStringLiteral("--dry-run=server")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), QStringLiteral("configmap/dry-target patched")); // kubectl 1.32's patch does not say "(server dry run)"
        r = m_f->kubectl({QStringLiteral("patch"), QStringLiteral("configmap"), QStringLiteral("dry-target"), QStringLiteral("--type=merge"), QStringLiteral("-p"),
                          QStringLiteral(R"({"data":{"a":"3"}})"), QStringLiteral("--dry-run=server"), QStringLiteral("-o"), asJsonPath});
        QCOMPARE(r.out, QStringLiteral("3"));
        QCOMPARE(m_f->kubectl(stored).out, before);

        r = m_f->kubectl({QStringLiteral("apply"), QStringLiteral("--server-side"), QStringLiteral("--dry-run=server"), QStringLiteral("--force-conflicts"),
                          QStringLiteral("-f"), QStringLiteral("-")},
                         object("4"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), QStringLiteral("configmap/dry-target serverside-applied (server dry run)"));
        r = m_f->kubectl({QStringLiteral("apply"), QStringLiteral("--server-side"), QStringLiteral("--dry-run=server"), QStringLiteral("--force-conflicts"),
                          QStringLiteral("-f"), QStringLiteral("-"), QStringLiteral("-o"),
                          QStringLiteral("jsonpath={.data.a}/{.metadata.managedFields[*].manager}")},
                         object("4"));
        QCOMPARE(r.out, QStringLiteral("4/kubectl"));
        QCOMPARE(m_f->kubectl(stored).out, before);
    }

    void deleteNamespaceCascades()
    {
        const QByteArray objects = R"(
apiVersion: v1
kind: Namespace
metadata:
  name: doomed
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: doomed
data:
  k: v
)";
        KubectlResult r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")}, objects);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("cm"), QStringLiteral("-n"), QStringLiteral("doomed")});
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("settings\\s+1\\s+"))));
        r = m_f->kubectl({QStringLiteral("delete"), QStringLiteral("ns"), QStringLiteral("doomed")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("namespace \"doomed\" deleted")));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("cm"), QStringLiteral("-n"), QStringLiteral("doomed")});
        QVERIFY(r.err.contains(QStringLiteral("No resources found in doomed namespace.")));
        qsizetype count = -1;
        m_f->sandbox().invoke([&](SandboxServer &s) { count = s.store().countInNamespace(Gvr{QString(), QStringLiteral("v1"), QStringLiteral("configmaps")}, QStringLiteral("doomed")); });
        QCOMPARE(count, 0);
    }

    void explainUsesOpenApiV3()
    {
        const KubectlResult r = m_f->kubectl({QStringLiteral("explain"), QStringLiteral("deployment.spec.template.spec.containers"), QStringLiteral("-v=6")});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("/openapi/v3/apis/apps/v1?hash=")), qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("GROUP:      apps")));
        QVERIFY(r.out.contains(QStringLiteral("KIND:       Deployment")));
        QVERIFY(r.out.contains(QStringLiteral("FIELD: containers <[]Container>")));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("\\n  image\\s+<string>"))));
    }

    void explainWithUpstreamDocuments()
    {
        SandboxOptions options;
        options.openApiDir = QStringLiteral(QLUSTER_K8S_API_DIR "/openapi/v3");
        SandboxFixture upstream(options);
        QVERIFY2(upstream.error().isEmpty(), qPrintable(upstream.error()));
        const KubectlResult r = upstream.kubectl({QStringLiteral("explain"), QStringLiteral("deployment.spec.template.spec.containers.image")});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
        // The upstream description, not the sandbox's own short one.
        QVERIFY2(r.out.contains(QStringLiteral("Container image name.")), qPrintable(r.out));
    }

    void patchTypes_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("patch");
        QTest::addColumn<QString>("expectedJsonPath");
        QTest::addColumn<QString>("expected");
        QTest::newRow("strategic") << QStringLiteral("strategic")
                                   << QStringLiteral(R"({"spec":{"template":{"spec":{"containers":[{"name":"app","image":"example/app:2.0"}]}}}})")
                                   << QStringLiteral("{.spec.template.spec.containers[*].name}/{.spec.template.spec.containers[*].image}")
                                   << QStringLiteral("app sidecar/example/app:2.0 example/sidecar:1.0");
        QTest::newRow("merge") << QStringLiteral("merge")
                               << QStringLiteral(R"({"metadata":{"labels":{"tier":"web"}},"spec":{"replicas":3}})")
                               << QStringLiteral("{.metadata.labels.tier}/{.spec.replicas}")
                               << QStringLiteral("web/3");
        QTest::newRow("json") << QStringLiteral("json")
                              << QStringLiteral(R"([{"op":"replace","path":"/spec/replicas","value":5},{"op":"add","path":"/metadata/annotations","value":{"a":"b"}}])")
                              << QStringLiteral("{.spec.replicas}/{.metadata.annotations.a}")
                              << QStringLiteral("5/b");
    }

    void patchTypes()
    {
        QFETCH(QString, type);
        QFETCH(QString, patch);
        QFETCH(QString, expectedJsonPath);
        QFETCH(QString, expected);
        const QString name = QStringLiteral("patched-") + type;
        const QByteArray deployment = QStringLiteral(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"%1","namespace":"default"},
            "spec":{"replicas":1,"selector":{"matchLabels":{"app":"%1"}},"template":{"metadata":{"labels":{"app":"%1"}},
            "spec":{"containers":[{"name":"app","image":"example/app:1.0"},{"name":"sidecar","image":"example/sidecar:1.0"}]}}}})").arg(name).toUtf8();
        KubectlResult r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")}, deployment);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("patch"), QStringLiteral("deployment"), name, QStringLiteral("--type=") + type, QStringLiteral("-p"), patch});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("deployment.apps/%1 patched").arg(name)), qPrintable(r.out));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("deployment"), name, QStringLiteral("-o"), QStringLiteral("jsonpath=") + expectedJsonPath});
        QCOMPARE(r.out, expected);
    }

    void scaleAndRolloutStatus()
    {
        const QByteArray deployment = R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"scaled","namespace":"default"},
            "spec":{"replicas":1,"selector":{"matchLabels":{"app":"scaled"}},"template":{"metadata":{"labels":{"app":"scaled"}},
            "spec":{"containers":[{"name":"app","image":"example/app:1.0"}]}}}})";
        KubectlResult r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")}, deployment);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("scale"), QStringLiteral("deployment"), QStringLiteral("scaled"), QStringLiteral("--replicas=3")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("deployment.apps/scaled scaled")));
        r = m_f->kubectl({QStringLiteral("rollout"), QStringLiteral("status"), QStringLiteral("deployment/scaled"), QStringLiteral("--timeout=20s")}, {}, 30000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("deployment \"scaled\" successfully rolled out")));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-l"), QStringLiteral("app=scaled"), QStringLiteral("--no-headers")});
        QCOMPARE(r.out.count(QStringLiteral("Running")), 3);
    }

    void patchThatIsNotAnObjectIs400()
    {
        // kubectl turns the YAML scalar into the JSON string "not json" and sends it.
        const KubectlResult r = m_f->kubectl({QStringLiteral("patch"), QStringLiteral("pod"), QStringLiteral("web-1"), QStringLiteral("--type=strategic"),
                                              QStringLiteral("-p"), QStringLiteral("not json")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Error from server (BadRequest): json: cannot unmarshal string into Go value of type map[string]interface {}")),
                 qPrintable(r.err));
    }

    // Custom resources have no strategic merge patch: kubectl's default patch type reaches the
    // server and gets the apiextensions handler's 415.
    void strategicPatchOfCustomResourceIs415()
    {
        KubectlResult r = m_f->kubectl({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, crd("sprockets", "Sprocket"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")},
                         R"({"apiVersion":"example.com/v1","kind":"Sprocket","metadata":{"name":"s1"},"spec":{"teeth":12}})");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("patch"), QStringLiteral("sprocket"), QStringLiteral("s1"), QStringLiteral("-p"), QStringLiteral(R"({"spec":{"teeth":16}})"),
                          QStringLiteral("-v=6")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QRegularExpression(QStringLiteral("PATCH https://127\\.0\\.0\\.1:\\d+/apis/example\\.com/v1/namespaces/default/sprockets/s1\\S* 415 Unsupported Media Type"))),
                 qPrintable(r.err));
        // kubectl words a 415 on a strategic merge patch itself, around the server's message.
        QVERIFY2(r.err.contains(QStringLiteral("error: application/strategic-merge-patch+json is not supported by example.com/v1, Kind=Sprocket: "
                                               "the body of the request was in an unknown format - accepted media types "
                                               "include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml")),
                 qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("sprocket"), QStringLiteral("s1"), QStringLiteral("-o"), QStringLiteral("jsonpath={.spec.teeth}")});
        QCOMPARE(r.out, QStringLiteral("12"));
        r = m_f->kubectl({QStringLiteral("patch"), QStringLiteral("sprocket"), QStringLiteral("s1"), QStringLiteral("--type=merge"), QStringLiteral("-p"),
                          QStringLiteral(R"({"spec":{"teeth":16}})")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void applyServerSide()
    {
        const QByteArray cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\n  namespace: default\ndata:\n  color: blue\n";
        KubectlResult r = m_f->kubectl({QStringLiteral("apply"), QStringLiteral("--server-side"), QStringLiteral("-f"), QStringLiteral("-")}, cm);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("configmap/ssa serverside-applied")));
        const QByteArray changed = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\n  namespace: default\ndata:\n  color: red\n  size: big\n";
        r = m_f->kubectl({QStringLiteral("apply"), QStringLiteral("--server-side"), QStringLiteral("-f"), QStringLiteral("-")}, changed);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("cm"), QStringLiteral("ssa"), QStringLiteral("-o"), QStringLiteral("jsonpath={.data.color}/{.data.size}")});
        QCOMPARE(r.out, QStringLiteral("red/big"));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("cm"), QStringLiteral("ssa"), QStringLiteral("--show-managed-fields"), QStringLiteral("-o"),
                          QStringLiteral("jsonpath={.metadata.managedFields[0].manager}/{.metadata.managedFields[0].operation}")});
        QCOMPARE(r.out, QStringLiteral("kubectl/Apply"));

        // A second manager applying a different value for a field it does not own conflicts.
        const QByteArray rival = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\n  namespace: default\ndata:\n  color: green\n";
        r = m_f->kubectl({QStringLiteral("apply"), QStringLiteral("--server-side"), QStringLiteral("--field-manager=rival"), QStringLiteral("-f"), QStringLiteral("-")}, rival);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("conflict")) && r.err.contains(QStringLiteral(".data.color")), qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("cm"), QStringLiteral("ssa"), QStringLiteral("-o"), QStringLiteral("jsonpath={.data.color}")});
        QCOMPARE(r.out, QStringLiteral("red"));
        r = m_f->kubectl({QStringLiteral("apply"), QStringLiteral("--server-side"), QStringLiteral("--field-manager=rival"), QStringLiteral("--force-conflicts"),
                          QStringLiteral("-f"), QStringLiteral("-")}, rival);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("cm"), QStringLiteral("ssa"), QStringLiteral("-o"), QStringLiteral("jsonpath={.data.color}")});
        QCOMPARE(r.out, QStringLiteral("green"));
    }

    void crdPrinterColumns()
    {
        const QByteArray crd = R"(
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  scope: Namespaced
  names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wd]}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              size: {type: integer}
              color: {type: string}
    additionalPrinterColumns:
    - {name: Size, type: integer, jsonPath: .spec.size}
    - {name: Color, type: string, jsonPath: .spec.color}
    - {name: Age, type: date, jsonPath: .metadata.creationTimestamp}
)";
        KubectlResult r = m_f->kubectl({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, crd);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QByteArray widget = R"({"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w1","namespace":"default"},"spec":{"size":3,"color":"blue"}})";
        r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")}, widget);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("wd")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("^NAME\\s+SIZE\\s+COLOR\\s+AGE\\n"))), qPrintable(r.out));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("w1\\s+3\\s+blue\\s+\\d+s"))), qPrintable(r.out));
        r = m_f->kubectl({QStringLiteral("api-resources"), QStringLiteral("--api-group=example.com")});
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("widgets\\s+wd\\s+example.com/v1\\s+true\\s+Widget"))));
        r = m_f->kubectl({QStringLiteral("delete"), QStringLiteral("crd"), QStringLiteral("widgets.example.com")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("widgets.example.com")});
        QCOMPARE(r.exitCode, 1);
    }

    // A CRD's scale subresource reads and writes the fields its paths name (not spec.replicas),
    // and its Scale's status.selector is the string at labelSelectorPath.
    void crdScaleSubresourceFollowsItsPaths()
    {
        KubectlResult r = m_f->kubectl({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")},
                                       crd("databases", "Database",
                                           "    subresources:\n      status: {}\n      scale: {specReplicasPath: .spec.size, "
                                           "statusReplicasPath: .status.ready, labelSelectorPath: .status.selector}\n"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QByteArray db = R"({"apiVersion":"example.com/v1","kind":"Database","metadata":{"name":"db1","namespace":"default"},"spec":{"size":2}})";
        r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")}, db);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("patch"), QStringLiteral("database"), QStringLiteral("db1"), QStringLiteral("--subresource=status"),
                          QStringLiteral("--type=merge"), QStringLiteral("-p"), QStringLiteral(R"({"status":{"ready":1,"selector":"app=db,tier=data"}})")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        const QString scalePath = QStringLiteral("/apis/example.com/v1/namespaces/default/databases/db1/scale");
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("--raw"), scalePath});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QJsonObject scale = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(scale.value(QLatin1String("kind")).toString(), QStringLiteral("Scale"));
        QCOMPARE(scale.value(QLatin1String("apiVersion")).toString(), QStringLiteral("autoscaling/v1"));
        QCOMPARE(scale.value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt(), 2);
        QCOMPARE(scale.value(QLatin1String("status")).toObject().value(QLatin1String("replicas")).toInt(), 1);
        QCOMPARE(scale.value(QLatin1String("status")).toObject().value(QLatin1String("selector")).toString(), QStringLiteral("app=db,tier=data"));

        // kubectl scale reads the Scale for --current-replicas, then patches it.
        r = m_f->kubectl({QStringLiteral("scale"), QStringLiteral("database"), QStringLiteral("db1"), QStringLiteral("--current-replicas=3"),
                          QStringLiteral("--replicas=5")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Expected replicas to be 3, was 2")), qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("scale"), QStringLiteral("database"), QStringLiteral("db1"), QStringLiteral("--current-replicas=2"),
                          QStringLiteral("--replicas=5")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("database.example.com/db1 scaled")), qPrintable(r.out));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("database"), QStringLiteral("db1"), QStringLiteral("-o"), QStringLiteral("json")});
        const QJsonObject object = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(object.value(QLatin1String("spec")).toObject(), (QJsonObject{{QStringLiteral("size"), 5}}));
        QCOMPARE(object.value(QLatin1String("status")).toObject().value(QLatin1String("ready")).toInt(), 1);
        QCOMPARE(object.value(QLatin1String("metadata")).toObject().value(QLatin1String("generation")).toInt(), 2);
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("--raw"), scalePath});
        scale = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(scale.value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt(), 5);

        // No value at specReplicasPath: reading the Scale fails as on an apiserver; scaling sets it.
        const QByteArray empty = R"({"apiVersion":"example.com/v1","kind":"Database","metadata":{"name":"db2","namespace":"default"},"spec":{}})";
        r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")}, empty);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("--raw"), QStringLiteral("/apis/example.com/v1/namespaces/default/databases/db2/scale")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Error from server (InternalError): Internal error occurred: the spec replicas field \".spec.size\" does not exist")),
                 qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("scale"), QStringLiteral("database"), QStringLiteral("db2"), QStringLiteral("--replicas=1")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("get"), QStringLiteral("database"), QStringLiteral("db2"), QStringLiteral("-o"), QStringLiteral("jsonpath={.spec}")});
        QCOMPARE(r.out, QStringLiteral(R"({"size":1})"));
    }

    void watchCustomResourceReceivesLaterCreate()
    {
        KubectlResult r = m_f->kubectl({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")},
                                       crd("gadgets", "Gadget", "    additionalPrinterColumns:\n    - {name: Color, type: string, jsonPath: .spec.color}\n"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")},
                         R"({"apiVersion":"example.com/v1","kind":"Gadget","metadata":{"name":"first"},"spec":{"color":"red"}})");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QProcess p;
        p.setProcessEnvironment(m_f->environment());
        p.start(QStringLiteral(QLUSTER_KUBECTL), m_f->arguments({QStringLiteral("get"), QStringLiteral("gadgets"), QStringLiteral("-w")}));
        QVERIFY(p.waitForStarted(10000));
        QString out;
        auto read = [&] { out += QString::fromUtf8(p.readAllStandardOutput()); return out; };
        QTRY_VERIFY2_WITH_TIMEOUT(read().contains(QRegularExpression(QStringLiteral("first\\s+red"))), qPrintable(out), 15000);
        QVERIFY(!out.contains(QStringLiteral("second")));
        r = m_f->kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")},
                         R"({"apiVersion":"example.com/v1","kind":"Gadget","metadata":{"name":"second"},"spec":{"color":"green"}})");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QTRY_VERIFY2_WITH_TIMEOUT(read().contains(QRegularExpression(QStringLiteral("second\\s+green"))),
                                  qPrintable(out + QString::fromUtf8(p.readAllStandardError())), 15000);
        r = m_f->kubectl({QStringLiteral("patch"), QStringLiteral("gadget"), QStringLiteral("second"), QStringLiteral("--type=merge"),
                          QStringLiteral("-p"), QStringLiteral(R"({"spec":{"color":"blue"}})")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QTRY_VERIFY2_WITH_TIMEOUT(read().contains(QRegularExpression(QStringLiteral("second\\s+blue"))), qPrintable(out), 15000);
        p.kill();
        p.waitForFinished(5000);
    }
};

QTEST_GUILESS_MAIN(tst_SandboxKubectl)
#include "tst_sandboxkubectl.moc"
