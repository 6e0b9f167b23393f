// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// The small pure parts of the sandbox: the exec shell, generated pod logs, RBAC decisions,
// and the certificate authority (protobuf bodies: tst_protobufbody).

#include "sandbox/certificateauthority.h"
#include "sandbox/podlogs.h"
#include "sandbox/podshell.h"
#include "sandbox/rbacauthorizer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QTest>

using namespace Qluster;

namespace {

QJsonObject pod()
{
    return QJsonDocument::fromJson(R"({"metadata":{"name":"web-1","namespace":"shop"},
        "spec":{"containers":[{"name":"app","image":"nginx:1.27","env":[{"name":"MODE","value":"demo"}]}]},
        "status":{"phase":"Running","startTime":"2026-01-01T00:00:00Z",
          "containerStatuses":[{"name":"app","restartCount":1,
            "state":{"running":{"startedAt":"2026-01-01T00:00:00Z"}},
            "lastState":{"terminated":{"exitCode":1,"startedAt":"2025-12-31T23:59:00Z","finishedAt":"2025-12-31T23:59:30Z"}}}]}})").object();
}

QJsonObject rbacObject(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class tst_SandboxPieces : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shell_data()
    {
        QTest::addColumn<QStringList>("argv");
        QTest::addColumn<QByteArray>("out");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("echo") << QStringList{QStringLiteral("echo"), QStringLiteral("hi")} << QByteArray("hi\n") << 0;
        QTest::newRow("echo -n") << QStringList{QStringLiteral("echo"), QStringLiteral("-n"), QStringLiteral("x")} << QByteArray("x") << 0;
        QTest::newRow("printenv") << QStringList{QStringLiteral("printenv"), QStringLiteral("MODE")} << QByteArray("demo\n") << 0;
        QTest::newRow("printenv missing") << QStringList{QStringLiteral("printenv"), QStringLiteral("NOPE")} << QByteArray() << 1;
        QTest::newRow("cat") << QStringList{QStringLiteral("cat"), QStringLiteral("/etc/hostname")} << QByteArray("web-1\n") << 0;
        QTest::newRow("cat missing") << QStringList{QStringLiteral("cat"), QStringLiteral("/nope")} << QByteArray() << 1;
        QTest::newRow("ls") << QStringList{QStringLiteral("ls"), QStringLiteral("/app")} << QByteArray("README\nconfig.yaml\n") << 0;
        QTest::newRow("sh -c") << QStringList{QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo $MODE; exit 4")} << QByteArray("demo\n") << 4;
        QTest::newRow("quotes") << QStringList{QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo 'a  b' \"c\"")} << QByteArray("a  b c\n") << 0;
        QTest::newRow("unknown") << QStringList{QStringLiteral("frobnicate")} << QByteArray() << 127;
    }

    void shell()
    {
        QFETCH(QStringList, argv);
        QFETCH(QByteArray, out);
        QFETCH(int, exitCode);
        PodShell shell(pod(), QStringLiteral("app"));
        const PodShell::Output o = shell.run(argv);
        QCOMPARE(o.out, out);
        QCOMPARE(o.exitCode, exitCode);
    }

    void shellCdAndInteractive()
    {
        PodShell shell(pod(), QStringLiteral("app"));
        QCOMPARE(shell.runLine(QStringLiteral("cd /etc; pwd")).out, QByteArray("/etc\n"));
        QCOMPARE(shell.runLine(QStringLiteral("cat hostname")).out, QByteArray("web-1\n"));
        QVERIFY(shell.runLine(QStringLiteral("exit 2")).exitRequested);
        QVERIFY(PodShell::isInteractiveShell({QStringLiteral("/bin/sh")}));
        QVERIFY(!PodShell::isInteractiveShell({QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("x")}));
    }

    void shellTerminalSize()
    {
        PodShell shell(pod(), QStringLiteral("app"));
        PodShell::Output o = shell.runLine(QStringLiteral("stty size"));
        QCOMPARE(o.exitCode, 1); // no terminal, as on a pipe
        QCOMPARE(o.err, QByteArray("stty: 'standard input': Inappropriate ioctl for device\n"));
        shell.setTerminalSize(0, 0);
        QCOMPARE(shell.runLine(QStringLiteral("stty size")).out, QByteArray("0 0\n"));
        shell.setTerminalSize(120, 40);
        o = shell.runLine(QStringLiteral("stty size"));
        QCOMPARE(o.out, QByteArray("40 120\n"));
        QCOMPARE(o.exitCode, 0);
    }

    void logsAreAFunctionOfTime()
    {
        const QDateTime start = QDateTime::fromString(QStringLiteral("2026-01-01T00:00:00Z"), Qt::ISODate);
        const auto all = PodLogs::lines(pod(), QStringLiteral("app"), false, QDateTime(), start.addSecs(60));
        QCOMPARE(all.size(), 60 / PodLogs::intervalSeconds + 1);
        QVERIFY(all.first().text.startsWith(QStringLiteral("Starting app (image nginx:1.27)")));
        // Reading again, or only what came after a point, gives the same lines.
        const auto later = PodLogs::lines(pod(), QStringLiteral("app"), false, start.addSecs(30), start.addSecs(60));
        QCOMPARE(later.first().time, start.addSecs(32));
        QCOMPARE(later.first().text, all.at(16).text);
        QCOMPARE(PodLogs::format(all.first(), true).left(31), QByteArray("2026-01-01T00:00:00.000000000Z "));
        // The previous instance ended with its exit code.
        const auto previous = PodLogs::lines(pod(), QStringLiteral("app"), true, QDateTime(), start.addSecs(60));
        QVERIFY(previous.last().text.contains(QStringLiteral("exit code 1")));
        QVERIFY(PodLogs::lines(pod(), QStringLiteral("nope"), false, QDateTime(), start.addSecs(60)).isEmpty());
    }

    void rbac()
    {
        ObjectStore store;
        store.put(RbacAuthorizer::clusterRolesGvr(), rbacObject(R"({"metadata":{"name":"reader"},"rules":[
            {"verbs":["get","list"],"apiGroups":[""],"resources":["pods","pods/log"]},
            {"verbs":["get"],"apiGroups":["apps"],"resources":["deployments"],"resourceNames":["web"]},
            {"verbs":["get"],"nonResourceURLs":["/healthz","/metrics/\u002a"]}]})"));
        store.put(RbacAuthorizer::rolesGvr(), rbacObject(R"({"metadata":{"name":"cm-writer","namespace":"team"},"rules":[
            {"verbs":["*"],"apiGroups":[""],"resources":["configmaps"]}]})"));
        store.put(RbacAuthorizer::clusterRoleBindingsGvr(), rbacObject(R"({"metadata":{"name":"b1"},
            "roleRef":{"kind":"ClusterRole","name":"reader"},"subjects":[{"kind":"Group","name":"readers"}]})"));
        store.put(RbacAuthorizer::roleBindingsGvr(), rbacObject(R"({"metadata":{"name":"b2","namespace":"team"},
            "roleRef":{"kind":"Role","name":"cm-writer"},"subjects":[{"kind":"User","name":"alice"},
            {"kind":"ServiceAccount","name":"bot","namespace":"team"}]})"));
        const RbacAuthorizer rbac(store);
        auto can = [&](const QString &user, const QStringList &groups, const QString &verb, const QString &group,
                       const QString &resource, const QString &sub, const QString &ns, const QString &name) {
            return rbac.allowed(AccessAttributes{user, groups, verb, group, resource, sub, ns, name, QString()});
        };
        const QStringList readers{QStringLiteral("readers")};
        QVERIFY(can(QStringLiteral("bob"), readers, QStringLiteral("list"), QString(), QStringLiteral("pods"), QString(), QStringLiteral("x"), QString()));
        QVERIFY(can(QStringLiteral("bob"), readers, QStringLiteral("get"), QString(), QStringLiteral("pods"), QStringLiteral("log"), QStringLiteral("x"), QStringLiteral("p")));
        QVERIFY(!can(QStringLiteral("bob"), readers, QStringLiteral("delete"), QString(), QStringLiteral("pods"), QString(), QStringLiteral("x"), QStringLiteral("p")));
        QVERIFY(!can(QStringLiteral("bob"), readers, QStringLiteral("get"), QString(), QStringLiteral("pods"), QStringLiteral("exec"), QStringLiteral("x"), QStringLiteral("p")));
        QVERIFY(can(QStringLiteral("bob"), readers, QStringLiteral("get"), QStringLiteral("apps"), QStringLiteral("deployments"), QString(), QStringLiteral("x"), QStringLiteral("web")));
        QVERIFY(!can(QStringLiteral("bob"), readers, QStringLiteral("get"), QStringLiteral("apps"), QStringLiteral("deployments"), QString(), QStringLiteral("x"), QStringLiteral("db")));
        QVERIFY(can(QStringLiteral("alice"), {}, QStringLiteral("delete"), QString(), QStringLiteral("configmaps"), QString(), QStringLiteral("team"), QStringLiteral("c")));
        QVERIFY(!can(QStringLiteral("alice"), {}, QStringLiteral("delete"), QString(), QStringLiteral("configmaps"), QString(), QStringLiteral("other"), QStringLiteral("c")));
        QVERIFY(can(QStringLiteral("system:serviceaccount:team:bot"), {}, QStringLiteral("create"), QString(), QStringLiteral("configmaps"), QString(), QStringLiteral("team"), QString()));
        QVERIFY(can(QStringLiteral("root"), {QStringLiteral("system:masters")}, QStringLiteral("delete"), QStringLiteral("x"), QStringLiteral("y"), QString(), QString(), QString()));
        AccessAttributes metrics{QStringLiteral("bob"), readers, QStringLiteral("get"), {}, {}, {}, {}, {}, QStringLiteral("/metrics/cpu")};
        QVERIFY(rbac.allowed(metrics));
        metrics.nonResourcePath = QStringLiteral("/debug");
        QVERIFY(!rbac.allowed(metrics));
        QCOMPARE(rbac.resourceRules(QStringLiteral("alice"), {}, QStringLiteral("team")).size(), 1);
        QCOMPARE(rbac.nonResourceRules(QStringLiteral("bob"), readers).size(), 1);
    }

    void certificateAuthority()
    {
        auto ca = CertificateAuthority::create();
        if (!ca)
            QFAIL(qPrintable(ca.error().toString()));
        auto client = ca->issueClient(QStringLiteral("jane"), {QStringLiteral("devs"), QStringLiteral("ops")});
        if (!client)
            QFAIL(qPrintable(client.error().toString()));
        const QSslCertificate cert(client->certificatePem, QSsl::Pem);
        QCOMPARE(cert.subjectInfo(QSslCertificate::CommonName), QStringList{QStringLiteral("jane")});
        QStringList groups = cert.subjectInfo(QSslCertificate::Organization);
        groups.sort();
        QCOMPARE(groups, (QStringList{QStringLiteral("devs"), QStringLiteral("ops")}));
        QVERIFY(ca->verify(cert.toDer()));
        auto other = CertificateAuthority::create();
        auto foreign = other->issueClient(QStringLiteral("jane"), {QStringLiteral("system:masters")});
        QVERIFY(!ca->verify(QSslCertificate(foreign->certificatePem, QSsl::Pem).toDer()));
        QVERIFY(!ca->verify(QByteArray("garbage")));
        auto server = ca->issueServer({QStringLiteral("localhost")}, {QStringLiteral("127.0.0.1")});
        const QSslCertificate serverCert(server->certificatePem, QSsl::Pem);
        QVERIFY(serverCert.subjectAlternativeNames().values(QSsl::IpAddressEntry).contains(QStringLiteral("127.0.0.1")));
        QVERIFY(serverCert.subjectAlternativeNames().values(QSsl::DnsEntry).contains(QStringLiteral("localhost")));
    }
};

QTEST_GUILESS_MAIN(tst_SandboxPieces)
#include "tst_sandboxpieces.moc"
