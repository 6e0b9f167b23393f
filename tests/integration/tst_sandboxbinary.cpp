// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// The standalone qluster-sandbox program as a user runs it: it prints the path of its kubeconfig,
// kubectl works with that file unchanged, the load knob creates its pods, and SIGTERM ends it cleanly.

#include <QDeadlineTimer>
#include "testenv.h"
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsKubectl)

class tst_SandboxBinary : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    QTemporaryDir m_tmp;

    Run kubectl(const QString &kubeconfig, const QStringList &args) const
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_tmp.path());
        env.remove(QStringLiteral("KUBECONFIG"));
        p.setProcessEnvironment(env);
        p.start(Qluster::Test::kubectl(),
                QStringList{QStringLiteral("--kubeconfig=") + kubeconfig, QStringLiteral("--cache-dir=") + m_tmp.filePath(QStringLiteral("kube-cache"))}
                    + args);
        Run r;
        if (!p.waitForStarted(10000) || !p.waitForFinished(30000)) {
            p.kill();
            p.waitForFinished(5000);
            r.err = QStringLiteral("kubectl did not finish");
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    // Starts qluster-sandbox with `args` (its temporary folder is ours) and returns the kubeconfig
    // path it prints on its first line, or an empty string.
    QString start(QProcess &sandbox, const QStringList &args)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TMPDIR"), m_tmp.path());
        sandbox.setProcessEnvironment(env);
        sandbox.start(QStringLiteral(QLUSTER_SANDBOX_BINARY), args);
        if (!sandbox.waitForStarted(10000))
            return {};
        QDeadlineTimer deadline(30000);
        while (!sandbox.canReadLine() && !deadline.hasExpired() && sandbox.state() == QProcess::Running)
            sandbox.waitForReadyRead(int(deadline.remainingTime()));
        return sandbox.canReadLine() ? QString::fromUtf8(sandbox.readLine()).trimmed() : QString();
    }

    /// Sends SIGTERM; true when the program then ended normally with status 0.
    static bool terminate(QProcess &sandbox)
    {
        sandbox.terminate(); // SIGTERM
        return sandbox.waitForFinished(10000) && sandbox.exitStatus() == QProcess::NormalExit
               && sandbox.exitCode() == 0;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void printsKubeconfigThatKubectlUses()
    {
        QProcess sandbox;
        const QString kubeconfig = start(sandbox, {});
        QVERIFY2(!kubeconfig.isEmpty(), qPrintable(QString::fromUtf8(sandbox.readAllStandardError())));
        QCOMPARE(QFileInfo(kubeconfig).absolutePath(), QDir(m_tmp.path()).absolutePath());
        QVERIFY(QFileInfo(kubeconfig).fileName().endsWith(QLatin1String(".kubeconfig")));
        QCOMPARE(QFileInfo(kubeconfig).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());

        const Run ns = kubectl(kubeconfig, {QStringLiteral("get"), QStringLiteral("ns")});
        QVERIFY2(ns.exitCode == 0, qPrintable(ns.err));
        const QStringList lines = ns.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.value(0).contains(QRegularExpression(QStringLiteral("^NAME\\s+STATUS\\s+AGE$"))));
        for (const char *name : {"default", "kube-system", "kube-public", "kube-node-lease"})
            QVERIFY2(ns.out.contains(QRegularExpression(QLatin1String(name) + QStringLiteral("\\s+Active\\s+\\d+s"))), qPrintable(ns.out));
        QCOMPARE(lines.size(), 5);
        // No load knob: no load namespace.
        QVERIFY(!ns.out.contains(QStringLiteral("load")));
        // The read-only user of the same file.
        const Run viewer = kubectl(kubeconfig, {QStringLiteral("--context=sandbox-viewer"), QStringLiteral("auth"), QStringLiteral("whoami"),
                                                QStringLiteral("-o"), QStringLiteral("jsonpath={.status.userInfo.username}")});
        QVERIFY2(viewer.exitCode == 0, qPrintable(viewer.err));
        QCOMPARE(viewer.out, QStringLiteral("viewer"));

        const QByteArray written = [&] {
            QFile f(kubeconfig);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        QVERIFY2(terminate(sandbox), qPrintable(QString::fromUtf8(sandbox.readAllStandardError())));
        // Gone: its kubeconfig (this run's credentials) with it, and the server no longer answers.
        QVERIFY(!QFileInfo::exists(kubeconfig));
        const QString copy = m_tmp.filePath(QStringLiteral("copy.kubeconfig"));
        {
            QFile f(copy);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(written);
        }
        const Run after = kubectl(copy, {QStringLiteral("get"), QStringLiteral("ns"), QStringLiteral("--request-timeout=5s")});
        QCOMPARE(after.exitCode, 1);
        QVERIFY2(after.err.contains(QStringLiteral("was refused")), qPrintable(after.err));
    }

    void kubeconfigOutStays()
    {
        const QString path = m_tmp.filePath(QStringLiteral("kept/config"));
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QProcess sandbox;
        QCOMPARE(start(sandbox, {QStringLiteral("--kubeconfig-out"), path}), path);
        const Run version = kubectl(path, {QStringLiteral("version"), QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(version.exitCode == 0, qPrintable(version.err));
        QVERIFY(version.out.contains(QStringLiteral("v1.32.0-qluster-sandbox")));
        QVERIFY2(terminate(sandbox), qPrintable(QString::fromUtf8(sandbox.readAllStandardError())));
        QVERIFY(QFileInfo::exists(path));
    }

    void podsKnobCreatesRunningPods()
    {
        QProcess sandbox;
        const QString kubeconfig = start(sandbox, {QStringLiteral("--pods"), QStringLiteral("7"), QStringLiteral("--http")});
        QVERIFY2(!kubeconfig.isEmpty(), qPrintable(QString::fromUtf8(sandbox.readAllStandardError())));
        const Run pods = kubectl(kubeconfig, {QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"), QStringLiteral("load"),
                                              QStringLiteral("--no-headers")});
        QVERIFY2(pods.exitCode == 0, qPrintable(pods.err));
        const QStringList lines = pods.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 7);
        for (const QString &line : lines)
            QVERIFY2(line.contains(QRegularExpression(QStringLiteral("\\s1/1\\s+Running\\s"))), qPrintable(line));
        // Only in namespace load.
        const Run all = kubectl(kubeconfig, {QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A"), QStringLiteral("--no-headers")});
        QCOMPARE(all.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 7);
        QVERIFY2(terminate(sandbox), qPrintable(QString::fromUtf8(sandbox.readAllStandardError())));
    }
};

QTEST_GUILESS_MAIN(tst_SandboxBinary)
#include "tst_sandboxbinary.moc"
