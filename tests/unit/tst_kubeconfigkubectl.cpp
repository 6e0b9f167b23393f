// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
//
// Kubeconfig is checked against the real kubectl: every scenario is written into a temporary
// folder, read by both, and the merged views (and, after a write-back, the files) must agree:
// merging, use-context and set-context --namespace, an explicit file, exec interactiveMode.
#include "kubeconfigfixtures.h"
#include "testenv.h"

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsKubectl)

using namespace Qluster;
using namespace Qluster::Test;

class tst_KubeconfigKubectl final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mergedViewMatchesKubectl_data();
    void mergedViewMatchesKubectl();
    void writeBackMatchesKubectl_data();
    void writeBackMatchesKubectl();
    void explicitFileWriteBack();
    void execInteractiveModeAsKubectl_data();
    void execInteractiveModeAsKubectl();
};

void tst_KubeconfigKubectl::mergedViewMatchesKubectl_data()
{
    QTest::addColumn<FileMap>("files");
    QTest::addColumn<QStringList>("order");
    QTest::addColumn<bool>("expectFailure");

    const FileMap support = supportFiles();
    auto with = [&](FileMap m) {
        for (auto it = support.cbegin(); it != support.cend(); ++it)
            m.insert(it.key(), it.value());
        return m;
    };
    QTest::newRow("single file, every field")
        << with({{QStringLiteral("a.yaml"), QLatin1String(kFull)}})
        << QStringList{QStringLiteral("a.yaml")} << false;
    QTest::newRow("first file wins per entry")
        << with({{QStringLiteral("a.yaml"), QLatin1String(kFull)},
                 {QStringLiteral("b.yaml"), QLatin1String(kSecond)}})
        << QStringList{QStringLiteral("a.yaml"), QStringLiteral("b.yaml")} << false;
    QTest::newRow("reversed order")
        << with({{QStringLiteral("a.yaml"), QLatin1String(kFull)},
                 {QStringLiteral("b.yaml"), QLatin1String(kSecond)}})
        << QStringList{QStringLiteral("b.yaml"), QStringLiteral("a.yaml")} << false;
    QTest::newRow("current-context from the first file setting it")
        << with({{QStringLiteral("c.yaml"), QLatin1String(kNoCurrent)},
                 {QStringLiteral("b.yaml"), QLatin1String(kSecond)}})
        << QStringList{QStringLiteral("c.yaml"), QStringLiteral("b.yaml")} << false;
    QTest::newRow("missing files in the list are skipped")
        << FileMap{{QStringLiteral("b.yaml"), QLatin1String(kSecond)}}
        << QStringList{QStringLiteral("nope.yaml"), QStringLiteral("b.yaml"),
                       QStringLiteral("gone/x.yaml")}
        << false;
    QTest::newRow("relative paths against the naming file")
        << with({{QStringLiteral("deep/er/a.yaml"),
                  QString::fromLatin1(kFull).replace(QStringLiteral("certs/"),
                                                     QStringLiteral("../../certs/"))}})
        << QStringList{QStringLiteral("deep/er/a.yaml")} << false;
    QTest::newRow("empty file and no-current file")
        << FileMap{{QStringLiteral("empty.yaml"), QString()},
                   {QStringLiteral("c.yaml"), QLatin1String(kNoCurrent)}}
        << QStringList{QStringLiteral("empty.yaml"), QStringLiteral("c.yaml")} << false;
    QTest::newRow("preferences and top-level extensions")
        << FileMap{{QStringLiteral("p.yaml"),
                    QStringLiteral("apiVersion: v1\nkind: Config\npreferences:\n  colors: true\n"
                                   "extensions:\n- name: top\n  extension: {x: [1, 2.5, null, ~, \"s\"]}\n"
                                   "contexts:\n- name: only\n  context: {cluster: none}\n")},
                   {QStringLiteral("q.yaml"),
                    QStringLiteral("extensions:\n- name: top\n  extension: shadowed\n"
                                   "- name: second\n  extension: {on: off}\n")}}
        << QStringList{QStringLiteral("p.yaml"), QStringLiteral("q.yaml")} << false;
    QTest::newRow("exec v1 without interactiveMode: not printed")
        << FileMap{{QStringLiteral("e.yaml"), execConfig("client.authentication.k8s.io/v1", "")},
                   {QStringLiteral("f.yaml"),
                    QString::fromLatin1(kExecTemplate)
                        .arg(QStringLiteral("client.authentication.k8s.io/v1beta1"), QString())
                        .replace(QStringLiteral("plugin-user"), QStringLiteral("beta-user"))
                        .replace(QStringLiteral("ctx-exec"), QStringLiteral("ctx-beta"))}}
        << QStringList{QStringLiteral("e.yaml"), QStringLiteral("f.yaml")} << false;
    QTest::newRow("a quoted boolean fails")
        << FileMap{{QStringLiteral("q.yaml"),
                    QStringLiteral("clusters:\n- name: x\n  cluster:\n    server: https://x\n"
                                   "    insecure-skip-tls-verify: \"true\"\n")}}
        << QStringList{QStringLiteral("q.yaml")} << true;
    QTest::newRow("missing certificate file fails")
        << FileMap{{QStringLiteral("a.yaml"), QLatin1String(kFull)}}
        << QStringList{QStringLiteral("a.yaml")} << true;
    QTest::newRow("duplicate name in one file fails")
        << FileMap{{QStringLiteral("d.yaml"),
                    QStringLiteral("clusters:\n- name: x\n  cluster: {server: https://1}\n"
                                   "- name: x\n  cluster: {server: https://2}\n")}}
        << QStringList{QStringLiteral("d.yaml")} << true;
    QTest::newRow("malformed yaml fails")
        << FileMap{{QStringLiteral("bad.yaml"),
                    QStringLiteral("clusters:\n- name: x\n  cluster:\n    server: [\n")}}
        << QStringList{QStringLiteral("bad.yaml")} << true;
}

void tst_KubeconfigKubectl::mergedViewMatchesKubectl()
{
    QFETCH(FileMap, files);
    QFETCH(QStringList, order);
    QFETCH(bool, expectFailure);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFiles(dir.path(), files));
    const QStringList paths = absolute(dir.path(), order);

    const Kubectl kubectl = runKubectl({QStringLiteral("config"), QStringLiteral("view"),
                                        QStringLiteral("--flatten"), QStringLiteral("-o"),
                                        QStringLiteral("json")},
                                       paths.join(QDir::listSeparator()), dir.path());
    auto ours = Kubeconfig::loadFiles(paths);
    Result<QJsonObject> view = ours ? ours->toFlattenedJson() : fail(ours.error());

    if (expectFailure) {
        QVERIFY2(kubectl.exitCode != 0, "kubectl accepted the scenario");
        QVERIFY(!view.has_value());
        QVERIFY2(view.error().toString().contains(dir.path()), qPrintable(view.error().toString()));
        return;
    }
    QVERIFY2(kubectl.exitCode == 0, kubectl.err.constData());
    if (!view)
        QFAIL(qPrintable(view.error().toString()));
    const QJsonObject expected = QJsonDocument::fromJson(kubectl.out).object();
    QVERIFY(!expected.isEmpty());
    if (*view != expected) {
        qWarning("ours:\n%s", QJsonDocument(*view).toJson().constData());
        qWarning("kubectl:\n%s", kubectl.out.constData());
    }
    QCOMPARE(*view, expected);
}

void tst_KubeconfigKubectl::writeBackMatchesKubectl_data()
{
    QTest::addColumn<FileMap>("files");
    QTest::addColumn<QStringList>("order");
    QTest::addColumn<QString>("action"); // "use" or "namespace"
    QTest::addColumn<QString>("contextName");
    QTest::addColumn<QString>("namespaceName");

    const FileMap abc = {{QStringLiteral("a.yaml"), QLatin1String(kFull)},
                         {QStringLiteral("b.yaml"), QLatin1String(kSecond)},
                         {QStringLiteral("c.yaml"), QLatin1String(kNoCurrent)}};
    QTest::newRow("use-context, single file")
        << FileMap{{QStringLiteral("a.yaml"), QLatin1String(kFull)}}
        << QStringList{QStringLiteral("a.yaml")} << QStringLiteral("use")
        << QStringLiteral("ctx-b") << QString();
    QTest::newRow("use-context, first file even when only the second sets one")
        << abc << QStringList{QStringLiteral("c.yaml"), QStringLiteral("b.yaml")}
        << QStringLiteral("use") << QStringLiteral("ctx-third") << QString();
    QTest::newRow("use-context, no file sets one: first existing")
        << FileMap{{QStringLiteral("c.yaml"), QLatin1String(kNoCurrent)},
                   {QStringLiteral("d.yaml"), QString::fromLatin1(kNoCurrent)
                                                  .replace(QStringLiteral("third"),
                                                           QStringLiteral("fourth"))}}
        << QStringList{QStringLiteral("missing.yaml"), QStringLiteral("c.yaml"),
                       QStringLiteral("d.yaml")}
        << QStringLiteral("use") << QStringLiteral("ctx-fourth") << QString();
    QTest::newRow("namespace of a context defined in the second file")
        << abc << QStringList{QStringLiteral("a.yaml"), QStringLiteral("b.yaml")}
        << QStringLiteral("namespace") << QStringLiteral("ctx-second")
        << QStringLiteral("kube-system");
    QTest::newRow("namespace of the first file's context, shadowing one later")
        << abc << QStringList{QStringLiteral("a.yaml"), QStringLiteral("b.yaml")}
        << QStringLiteral("namespace") << QStringLiteral("ctx-a") << QStringLiteral("prod");
    QTest::newRow("namespace added where none was")
        << abc << QStringList{QStringLiteral("b.yaml"), QStringLiteral("c.yaml")}
        << QStringLiteral("namespace") << QStringLiteral("ctx-third") << QStringLiteral("team-1");
}

void tst_KubeconfigKubectl::writeBackMatchesKubectl()
{
    QFETCH(FileMap, files);
    QFETCH(QStringList, order);
    QFETCH(QString, action);
    QFETCH(QString, contextName);
    QFETCH(QString, namespaceName);

    FileMap all = files;
    const FileMap support = supportFiles();
    for (auto it = support.cbegin(); it != support.cend(); ++it)
        all.insert(it.key(), it.value());

    // Same files twice: kubectl changes one copy, we change the other.
    QTemporaryDir theirs;
    QTemporaryDir mine;
    QVERIFY(theirs.isValid() && mine.isValid());
    QVERIFY(writeFiles(theirs.path(), all));
    QVERIFY(writeFiles(mine.path(), all));
    const QStringList theirPaths = absolute(theirs.path(), order);
    const QStringList myPaths = absolute(mine.path(), order);
    const QString theirEnv = theirPaths.join(QDir::listSeparator());
    const QString myEnv = myPaths.join(QDir::listSeparator());

    QList<QByteArray> theirBefore;
    for (const QString &p : theirPaths)
        theirBefore.append(digest(p));

    const QStringList kubectlArgs = action == QLatin1String("use")
        ? QStringList{QStringLiteral("config"), QStringLiteral("use-context"), contextName}
        : QStringList{QStringLiteral("config"), QStringLiteral("set-context"), contextName,
                      QStringLiteral("--namespace=") + namespaceName};
    const Kubectl k = runKubectl(kubectlArgs, theirEnv, theirs.path());
    QVERIFY2(k.exitCode == 0, k.err.constData());

    auto config = Kubeconfig::loadFiles(myPaths);
    if (!config)
        QFAIL(qPrintable(config.error().toString()));
    QList<QByteArray> myBefore;
    for (const QString &p : myPaths)
        myBefore.append(digest(p));
    const Result<void> written = action == QLatin1String("use")
        ? config->setCurrentContext(contextName)
        : config->setContextNamespace(contextName, namespaceName);
    if (!written)
        QFAIL(qPrintable(written.error().toString()));

    // The same files changed (or were created), and each written file is private.
    for (int i = 0; i < order.size(); ++i) {
        const bool theyChanged = digest(theirPaths[i]) != theirBefore[i];
        const bool weChanged = digest(myPaths[i]) != myBefore[i];
        QVERIFY2(theyChanged == weChanged, qPrintable(order[i]));
        if (weChanged) {
            QCOMPARE(QFileInfo(myPaths[i]).permissions()
                         & (QFileDevice::ReadGroup | QFileDevice::ReadOther
                            | QFileDevice::WriteGroup | QFileDevice::WriteOther),
                     QFileDevice::Permissions());
        }
    }

    // kubectl reads our files exactly as it reads its own.
    const QStringList view = {QStringLiteral("config"), QStringLiteral("view"),
                              QStringLiteral("--flatten"), QStringLiteral("-o"),
                              QStringLiteral("json")};
    const Kubectl theirView = runKubectl(view, theirEnv, theirs.path());
    const Kubectl myView = runKubectl(view, myEnv, mine.path());
    QVERIFY2(myView.exitCode == 0, myView.err.constData());
    QByteArray normalized = theirView.out;
    normalized.replace(theirs.path().toUtf8(), mine.path().toUtf8());
    QCOMPARE(QJsonDocument::fromJson(myView.out), QJsonDocument::fromJson(normalized));

    // And what kubectl reports now is what our reloaded view says.
    const Kubectl current =
        runKubectl({QStringLiteral("config"), QStringLiteral("current-context")}, myEnv, mine.path());
    QCOMPARE(QString::fromUtf8(current.out.trimmed()), config->currentContext());
    const Kubectl minify = runKubectl({QStringLiteral("config"), QStringLiteral("view"),
                                       QStringLiteral("--minify"), QStringLiteral("-o"),
                                       QStringLiteral("json")},
                                      myEnv, mine.path());
    QVERIFY2(minify.exitCode == 0, minify.err.constData());
    const QJsonObject minified = QJsonDocument::fromJson(minify.out).object();
    const QJsonObject minCtx = minified.value(QStringLiteral("contexts")).toArray().at(0).toObject();
    QCOMPARE(minCtx.value(QStringLiteral("name")).toString(), config->currentContext());
    const auto ctx = config->context(config->currentContext());
    QVERIFY(ctx.has_value());
    QCOMPARE(minCtx.value(QStringLiteral("context")).toObject().value(QStringLiteral("namespace"))
                 .toString(),
             ctx->namespaceName);
    if (action == QLatin1String("namespace"))
        QCOMPARE(config->context(contextName)->namespaceName, namespaceName);
    else
        QCOMPARE(config->currentContext(), contextName);
}

void tst_KubeconfigKubectl::explicitFileWriteBack()
{
    QTemporaryDir theirs;
    QTemporaryDir mine;
    const FileMap files = {{QStringLiteral("b.yaml"), QLatin1String(kSecond)},
                           {QStringLiteral("explicit.yaml"), QLatin1String(kNoCurrent)}};
    QVERIFY(writeFiles(theirs.path(), files) && writeFiles(mine.path(), files));

    // With --kubeconfig, KUBECONFIG is ignored and the explicit file gets current-context.
    const Kubectl k = runKubectl({QStringLiteral("--kubeconfig"),
                                  theirs.filePath(QStringLiteral("explicit.yaml")),
                                  QStringLiteral("config"), QStringLiteral("use-context"),
                                  QStringLiteral("ctx-third")},
                                 theirs.filePath(QStringLiteral("b.yaml")), theirs.path());
    QVERIFY2(k.exitCode == 0, k.err.constData());

    auto config = Kubeconfig::load(mine.filePath(QStringLiteral("explicit.yaml")));
    if (!config)
        QFAIL(qPrintable(config.error().toString()));
    QVERIFY(config->isExplicitFile());
    QCOMPARE(config->contextNames(), QStringList{QStringLiteral("ctx-third")});
    const auto written = config->setCurrentContext(QStringLiteral("ctx-third"));
    if (!written)
        QFAIL(qPrintable(written.error().toString()));
    QCOMPARE(digest(mine.filePath(QStringLiteral("b.yaml"))),
             digest(theirs.filePath(QStringLiteral("b.yaml"))));
    const Kubectl current = runKubectl({QStringLiteral("--kubeconfig"),
                                        mine.filePath(QStringLiteral("explicit.yaml")),
                                        QStringLiteral("config"), QStringLiteral("current-context")},
                                       QString(), mine.path());
    QCOMPARE(current.out.trimmed(), QByteArrayLiteral("ctx-third"));

    auto missing = Kubeconfig::load(mine.filePath(QStringLiteral("nothere.yaml")));
    QVERIFY(!missing);
    QVERIFY(missing.error().toString().contains(mine.filePath(QStringLiteral("nothere.yaml"))));
}

void tst_KubeconfigKubectl::execInteractiveModeAsKubectl_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<bool>("refused");
    QTest::addColumn<int>("effectiveMode");

    QTest::newRow("v1 without interactiveMode is refused")
        << execConfig("client.authentication.k8s.io/v1", "") << true
        << int(ExecConfig::InteractiveMode::Unset);
    QTest::newRow("v1 with Never")
        << execConfig("client.authentication.k8s.io/v1", "      interactiveMode: Never\n") << false
        << int(ExecConfig::InteractiveMode::Never);
    QTest::newRow("v1beta1 defaults to IfAvailable")
        << execConfig("client.authentication.k8s.io/v1beta1", "") << false
        << int(ExecConfig::InteractiveMode::IfAvailable);
    QTest::newRow("v1beta1 with Always")
        << execConfig("client.authentication.k8s.io/v1beta1", "      interactiveMode: Always\n")
        << false << int(ExecConfig::InteractiveMode::Always);
}

void tst_KubeconfigKubectl::execInteractiveModeAsKubectl()
{
    QFETCH(QString, yaml);
    QFETCH(bool, refused);
    QFETCH(int, effectiveMode);

    QTemporaryDir dir;
    QVERIFY(writeFiles(dir.path(), {{QStringLiteral("e.yaml"), yaml}}));
    const QString path = dir.filePath(QStringLiteral("e.yaml"));
    auto config = Kubeconfig::loadFiles({path});
    if (!config)
        QFAIL(qPrintable(config.error().toString()));
    const auto user = config->user(QStringLiteral("plugin-user"));
    QVERIFY(user && user->exec);
    QCOMPARE(int(user->exec->effectiveInteractiveMode()), effectiveMode);
    const auto resolved = config->resolve(QStringLiteral("ctx-exec"));

    // kubectl validates the context it uses before running anything: the refusal is its own.
    const Kubectl kubectl = runKubectl({QStringLiteral("get"), QStringLiteral("--raw"),
                                        QStringLiteral("/version")},
                                       path, dir.path());
    QVERIFY(kubectl.exitCode != 0); // nothing listens on port 9 and /bin/false is no plugin
    const QByteArray kubectlRefusal =
        QByteArrayLiteral("interactiveMode must be specified for plugin-user to use exec "
                          "authentication plugin");
    QCOMPARE(kubectl.err.contains(kubectlRefusal), refused);
    QCOMPARE(!resolved.has_value(), refused);
    if (!refused)
        return;
    const QString text = resolved.error().toString();
    QVERIFY2(text.contains(QString::fromLatin1(kubectlRefusal)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("\"plugin-user\"")), qPrintable(text));
    QCOMPARE(resolved.error().file, path);
}

QTEST_GUILESS_MAIN(tst_KubeconfigKubectl)
#include "tst_kubeconfigkubectl.moc"
