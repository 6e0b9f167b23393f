// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// ExecPlugin's errors never carry the credential: a plugin that prints a warning before its
// ExecCredential (kubectl fails on it too) is named with the warning quoted, tokens redacted, and
// the JSON, which holds the token, left out. Real plugin processes (shell scripts).
#include "net/execplugin.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qluster;

namespace {
const QByteArray kToken = "eyJhbGciOiJSUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.c2lnbmF0dXJl";
const QByteArray kCredential = R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":")"
    + kToken + R"("}})";
} // namespace

class tst_ExecPlugin final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outputAroundTheCredential_data();
    void outputAroundTheCredential();
    void failingPluginsStderrIsRedacted();
    void parseOutputAcceptsTheCredential();

private:
    Result<ExecCredential> run(const QByteArray &script);
    QTemporaryDir m_dir;
    int m_scripts = 0;
};

Result<ExecCredential> tst_ExecPlugin::run(const QByteArray &script)
{
    const QString path = m_dir.filePath(QStringLiteral("plugin-%1.sh").arg(++m_scripts));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write("#!/bin/sh\n" + script) < 0)
        return fail(Error::io(path, file.errorString()));
    file.close();
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    ExecConfig config;
    config.apiVersion = QStringLiteral("client.authentication.k8s.io/v1");
    config.command = path;
    config.interactiveMode = ExecConfig::InteractiveMode::Never;
    ExecPlugin plugin(config, KubeconfigCluster{}, 10000);
    std::optional<Result<ExecCredential>> result;
    connect(&plugin, &ExecPlugin::finished, this,
            [&result](const Result<ExecCredential> &r) { result = r; });
    plugin.start();
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000))
        return fail(Error::invalid(QStringLiteral("the plugin did not finish")));
    return *result;
}

void tst_ExecPlugin::outputAroundTheCredential_data()
{
    QTest::addColumn<QByteArray>("script");
    QTest::addColumn<QString>("shown");
    QTest::newRow("a warning line, then the credential")
        << QByteArray("echo 'WARNING: the gcloud SDK is outdated'\necho '" + kCredential + "'\n")
        << QStringLiteral("\"WARNING: the gcloud SDK is outdated\" besides a JSON object (not shown)");
    QTest::newRow("the credential, then a line")
        << QByteArray("echo '" + kCredential + "'\necho 'done.'\n")
        << QStringLiteral("\"done.\" besides a JSON object (not shown)");
    QTest::newRow("a warning naming a token is redacted")
        << QByteArray("echo 'refreshed " + kToken + " for you'\necho '" + kCredential + "'\n")
        << QStringLiteral("\"refreshed [redacted] for you\" besides a JSON object (not shown)");
    QTest::newRow("the credential printed twice")
        << QByteArray("echo '" + kCredential + "'\necho '" + kCredential + "'\n")
        << QStringLiteral("text besides a JSON object (not shown)");
}

void tst_ExecPlugin::outputAroundTheCredential()
{
    QFETCH(QByteArray, script);
    QFETCH(QString, shown);
    const Result<ExecCredential> result = run(script);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().kind, Error::Kind::Auth);
    const QString text = result.error().toString();
    QVERIFY2(text.contains(QLatin1String("exec plugin ")) && text.contains(QLatin1String("plugin-")),
             qPrintable(text));
    QVERIFY2(text.contains(shown), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("warnings belong on stderr")), qPrintable(text));
    QVERIFY2(!text.contains(QString::fromLatin1(kToken)), qPrintable(text));
    QVERIFY2(!text.contains(QLatin1String("c2VjcmV0LXBheWxvYWQ")), qPrintable(text));
}

void tst_ExecPlugin::failingPluginsStderrIsRedacted()
{
    const Result<ExecCredential> result
        = run("echo 'login failed for refresh token " + kToken + "' >&2\nexit 4\n");
    QVERIFY(!result.has_value());
    const QString text = result.error().toString();
    QVERIFY2(text.contains(QLatin1String("exit code 4")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("\"login failed for refresh token [redacted]\"")), qPrintable(text));
    QVERIFY2(!text.contains(QLatin1String("c2VjcmV0LXBheWxvYWQ")), qPrintable(text));
}

void tst_ExecPlugin::parseOutputAcceptsTheCredential()
{
    const auto ok = run("echo '" + kCredential + "'\n");
    QVERIFY2(ok.has_value(), ok ? "" : qPrintable(ok.error().toString()));
    QCOMPARE(ok->token, kToken);
    // The warning goes to stderr: the plugin is fine.
    const auto warned = run("echo 'WARNING: outdated' >&2\necho '" + kCredential + "'\n");
    QVERIFY2(warned.has_value(), warned ? "" : qPrintable(warned.error().toString()));
}

QTEST_GUILESS_MAIN(tst_ExecPlugin)
#include "tst_execplugin.moc"
