// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "config/commandline.h"

#include <QTest>

using namespace Qluster;

class tst_CommandLine final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void helpAndVersion();
    void namespaceNames_data();
    void namespaceNames();
};

void tst_CommandLine::valid_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<AppOptions>("expected");

    QTest::newRow("none") << QStringList {} << AppOptions {};
    QTest::newRow("all") << QStringList {QStringLiteral("--kubeconfig"),
        QStringLiteral("/k/config"), QStringLiteral("--context=prod"),
        QStringLiteral("--namespace"), QStringLiteral("kube-system")}
                         << AppOptions {QStringLiteral("/k/config"), QStringLiteral("prod"),
                                QStringLiteral("kube-system"), false};
    QTest::newRow("short namespace") << QStringList {QStringLiteral("-n"), QStringLiteral("web")}
                                     << AppOptions {{}, {}, QStringLiteral("web"), false};
    QTest::newRow("demo with context")
        << QStringList {QStringLiteral("--demo"), QStringLiteral("--context"), QStringLiteral("x")}
        << AppOptions {{}, QStringLiteral("x"), {}, true};
    QTest::newRow("single-dash long option")
        << QStringList {QStringLiteral("-demo")} << AppOptions {{}, {}, {}, true};
    // Qt's standard options are QApplication's: accepted and left alone.
    QTest::newRow("qt options")
        << QStringList {QStringLiteral("-platform"), QStringLiteral("offscreen"),
               QStringLiteral("-style=Fusion"), QStringLiteral("-reverse"), QStringLiteral("--demo"),
               QStringLiteral("--platformtheme"), QStringLiteral("gtk3"),
               QStringLiteral("-qwindowgeometry"), QStringLiteral("800x600"), QStringLiteral("-n"),
               QStringLiteral("web")}
        << AppOptions {{}, {}, QStringLiteral("web"), true};
}

void tst_CommandLine::valid()
{
    QFETCH(QStringList, args);
    QFETCH(AppOptions, expected);
    const auto result = parseCommandLine(QStringList {QStringLiteral("qluster")} + args);
    if (!result)
        QFAIL(qPrintable(result.error().toString()));
    QCOMPARE(result->action, CommandLine::Action::Run);
    QCOMPARE(result->options, expected);
}

void tst_CommandLine::invalid_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("unknown option")
        << QStringList {QStringLiteral("--frobnicate")} << QStringLiteral("frobnicate");
    QTest::newRow("missing value")
        << QStringList {QStringLiteral("--context")} << QStringLiteral("context");
    QTest::newRow("empty context")
        << QStringList {QStringLiteral("--context=")} << QStringLiteral("--context");
    QTest::newRow("bad namespace")
        << QStringList {QStringLiteral("-n"), QStringLiteral("Kube_System")}
        << QStringLiteral("Kube_System");
    QTest::newRow("demo with kubeconfig") << QStringList {QStringLiteral("--demo"),
        QStringLiteral("--kubeconfig=/x")} << QStringLiteral("--demo");
    QTest::newRow("positional") << QStringList {QStringLiteral("pods")} << QStringLiteral("pods");
}

void tst_CommandLine::invalid()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const auto result = parseCommandLine(QStringList {QStringLiteral("qluster")} + args);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().kind, Error::Kind::Invalid);
    QVERIFY2(result.error().message.contains(mentions), qPrintable(result.error().message));
}

void tst_CommandLine::helpAndVersion()
{
    const auto help = parseCommandLine({QStringLiteral("qluster"), QStringLiteral("--help")});
    QVERIFY(help.has_value());
    QCOMPARE(help->action, CommandLine::Action::ShowHelp);
    for (const char *option : {"--kubeconfig", "--context", "--namespace", "--demo", "--version"})
        QVERIFY2(help->text.contains(QLatin1String(option)), option);

    const auto version = parseCommandLine({QStringLiteral("qluster"), QStringLiteral("--version")});
    QVERIFY(version.has_value());
    QCOMPARE(version->action, CommandLine::Action::ShowVersion);
    QCOMPARE(version->text, QStringLiteral("qluster " QLUSTER_VERSION_STRING "\n"));
}

void tst_CommandLine::namespaceNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("simple") << QStringLiteral("default") << true;
    QTest::newRow("dash") << QStringLiteral("kube-system") << true;
    QTest::newRow("digits") << QStringLiteral("123") << true;
    QTest::newRow("upper") << QStringLiteral("Default") << false;
    QTest::newRow("leading dash") << QStringLiteral("-a") << false;
    QTest::newRow("trailing dash") << QStringLiteral("a-") << false;
    QTest::newRow("dot") << QStringLiteral("a.b") << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("63") << QString(63, QLatin1Char('a')) << true;
    QTest::newRow("64") << QString(64, QLatin1Char('a')) << false;
}

void tst_CommandLine::namespaceNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(isValidNamespaceName(name), valid);
}

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_commandline.moc"
