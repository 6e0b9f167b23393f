// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// Real kubectl against the SandboxServer, in running pods: exec (exit codes, stdin, RBAC on
// pods/exec, the v4 protocol with resize, no terminal) and logs (follow, tail, one container, since,
// previous, a crash-looping pod).

#include "sandboxkubectlsupport.h"
#include "testenv.h"

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsKubectl)

using namespace Qluster;
using namespace Qluster::Test;

class tst_SandboxKubectlExec : public SandboxKubectlTest
{
    Q_OBJECT

private Q_SLOTS:
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
        p.start(Qluster::Test::kubectl(), m_f->arguments({QStringLiteral("logs"), QStringLiteral("-f"), QStringLiteral("web-1"), QStringLiteral("--timestamps")}));
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

    void logsTail()
    {
        const KubectlResult r = m_f->kubectl({QStringLiteral("logs"), QStringLiteral("web-1"), QStringLiteral("--tail=1")});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.count(QLatin1Char('\n')), 1);
    }
};

QTEST_GUILESS_MAIN(tst_SandboxKubectlExec)
#include "tst_sandboxkubectlexec.moc"
