// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
//
// Kubeconfig is checked against the real kubectl: every scenario is written into a temporary
// folder, read by both, and the merged views (and, after a write-back, the files) must agree.
#include "config/kubeconfig.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qluster;

using FileMap = QMap<QString, QString>;

class tst_Kubeconfig final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mergedViewMatchesKubectl_data();
    void mergedViewMatchesKubectl();
    void writeBackMatchesKubectl_data();
    void writeBackMatchesKubectl();
    void explicitFileWriteBack();
    void resolveReadsFilesRelativeToTheirKubeconfig();
    void loadingPrecedence();
    void malformedYamlNamesFileLineColumn_data();
    void malformedYamlNamesFileLineColumn();
    void missingReferencedFileNamesPath();
    void unknownContextListsKnown();
    void execInteractiveModeAsKubectl_data();
    void execInteractiveModeAsKubectl();
    void idpCertificateAuthorityRelativeToItsFile();
    void failedWriteLeavesFileIntact();
    void persistsRefreshedOidcTokens();
    void writesThroughSymlink();
};

namespace {

const char *const kFull = R"(apiVersion: v1
kind: Config
current-context: ctx-a
preferences: {}
clusters:
- name: c1
  cluster:
    server: https://a.example:6443
    certificate-authority: certs/ca.crt
    tls-server-name: api.internal
    proxy-url: socks5://127.0.0.1:1080
    disable-compression: true
    extensions:
    - name: zz-last
      extension: 1
    - name: ext1
      extension:
        foo: bar
        n: 3
        quoted: "12"
        flag: yes
- name: c-insecure
  cluster:
    server: http://127.0.0.1:8001
    insecure-skip-tls-verify: yes
contexts:
- name: ctx-a
  context:
    cluster: c1
    user: u-token
    namespace: ns1
    extensions:
    - name: e
      extension: {a: 1, b: [x, "2"]}
- name: ctx-b
  context: {cluster: c-insecure, user: u-cert}
- name: ctx-exec
  context: {cluster: c-insecure, user: u-exec}
users:
- name: u-token
  user:
    token: secret-token
    tokenFile: tokens/t
    as: bob
    as-uid: "12"
    as-groups: [g1, g2]
    as-user-extra:
      scopes: [view, edit]
- name: u-basic
  user: {username: admin, password: hunter2}
- name: u-cert
  user:
    client-certificate: certs/client.crt
    client-key: certs/client.key
- name: u-data
  user:
    client-certificate-data: Q0VSVA==
    client-key-data: S0VZ
- name: u-exec
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: ./bin/plugin
      args: [get-token, --x]
      env:
      - name: X
        value: "y"
      installHint: install it from example.com
      provideClusterInfo: true
      interactiveMode: Never
- name: u-exec-min
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: gke-gcloud-auth-plugin
- name: u-oidc
  user:
    auth-provider:
      name: oidc
      config:
        idp-issuer-url: https://issuer.example
        client-id: cid
        id-token: idt
        refresh-token: rt
)";

const char *const kSecond = R"(apiVersion: v1
kind: Config
current-context: ctx-second
clusters:
- name: c1
  cluster:
    server: https://shadowed.example
- name: c2
  cluster:
    server: https://b.example
    certificate-authority-data: QkNB
contexts:
- name: ctx-a
  context: {cluster: c2, user: u-token, namespace: shadowed}
- name: ctx-second
  context: {cluster: c2, user: u2, namespace: two}
users:
- name: u2
  user: {token: t2}
)";

// One exec user per row of execInteractiveModeAsKubectl; %1 is the apiVersion, %2 the mode line.
const char *const kExecTemplate = R"(apiVersion: v1
kind: Config
current-context: ctx-exec
clusters:
- name: c
  cluster: {server: "https://127.0.0.1:9"}
contexts:
- name: ctx-exec
  context: {cluster: c, user: plugin-user}
users:
- name: plugin-user
  user:
    exec:
      apiVersion: %1
      command: /bin/false
%2)";

QString execConfig(const char *apiVersion, const char *modeLine)
{
    return QString::fromLatin1(kExecTemplate).arg(QLatin1String(apiVersion), QLatin1String(modeLine));
}

const char *const kNoCurrent = R"(apiVersion: v1
kind: Config
clusters:
- name: c3
  cluster: {server: "https://c.example"}
contexts:
- name: ctx-third
  context: {cluster: c3}
)";

FileMap supportFiles()
{
    return {{QStringLiteral("certs/ca.crt"), QStringLiteral("CA-BYTES\n")},
            {QStringLiteral("certs/client.crt"), QStringLiteral("CLIENT-CERT\n")},
            {QStringLiteral("certs/client.key"), QStringLiteral("CLIENT-KEY\n")},
            {QStringLiteral("tokens/t"), QStringLiteral("file-token\n")}};
}

struct Kubectl
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Kubectl runKubectl(const QStringList &args, const QString &kubeconfigEnv, const QString &cwd)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KUBECONFIG"), kubeconfigEnv);
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(cwd);
    p.start(QStringLiteral(QLUSTER_KUBECTL), args);
    if (!p.waitForFinished(60000))
        return {};
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

bool writeFiles(const QString &root, const FileMap &files)
{
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const QString path = QDir(root).filePath(it.key());
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return false;
        f.write(it.value().toUtf8());
    }
    return true;
}

QStringList absolute(const QString &root, const QStringList &names)
{
    QStringList out;
    for (const QString &n : names)
        out.append(QDir(root).filePath(n));
    return out;
}

QByteArray digest(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QByteArrayLiteral("<missing>");
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace


void tst_Kubeconfig::mergedViewMatchesKubectl_data()
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

void tst_Kubeconfig::mergedViewMatchesKubectl()
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

void tst_Kubeconfig::writeBackMatchesKubectl_data()
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

void tst_Kubeconfig::writeBackMatchesKubectl()
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

void tst_Kubeconfig::explicitFileWriteBack()
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

void tst_Kubeconfig::resolveReadsFilesRelativeToTheirKubeconfig()
{
    QTemporaryDir dir;
    FileMap files = supportFiles();
    files.insert(QStringLiteral("a.yaml"), QLatin1String(kFull));
    files.insert(QStringLiteral("b.yaml"), QLatin1String(kSecond));
    QVERIFY(writeFiles(dir.path(), files));
    auto config = Kubeconfig::loadFiles(absolute(dir.path(), {QStringLiteral("b.yaml"),
                                                              QStringLiteral("a.yaml")}));
    if (!config)
        QFAIL(qPrintable(config.error().toString()));
    QCOMPARE(config->currentContext(), QStringLiteral("ctx-second"));
    QCOMPARE(config->contextNames(),
             (QStringList{QStringLiteral("ctx-a"), QStringLiteral("ctx-b"), QStringLiteral("ctx-exec"),
                          QStringLiteral("ctx-second")}));

    // ctx-a comes from b.yaml (first wins) but user u-token from a.yaml.
    auto a = config->resolve(QStringLiteral("ctx-a"));
    if (!a)
        QFAIL(qPrintable(a.error().toString()));
    QCOMPARE(a->namespaceName, QStringLiteral("shadowed"));
    QCOMPARE(a->cluster.server, QStringLiteral("https://b.example"));
    QCOMPARE(a->cluster.certificateAuthorityData, QByteArrayLiteral("BCA"));
    QCOMPARE(a->user.tokenFile, dir.filePath(QStringLiteral("tokens/t")));
    QCOMPARE(a->user.impersonateGroups, (QStringList{QStringLiteral("g1"), QStringLiteral("g2")}));
    QCOMPARE(a->user.impersonateUid, QStringLiteral("12"));

    auto b = config->resolve(QStringLiteral("ctx-b"));
    if (!b)
        QFAIL(qPrintable(b.error().toString()));
    QCOMPARE(b->namespaceName, QStringLiteral("default"));
    QVERIFY(b->cluster.insecureSkipTlsVerify);
    QCOMPARE(b->user.clientCertificateData, QByteArrayLiteral("CLIENT-CERT\n"));
    QCOMPARE(b->user.clientKeyData, QByteArrayLiteral("CLIENT-KEY\n"));
    QCOMPARE(b->user.clientKey, dir.filePath(QStringLiteral("certs/client.key")));

    auto viaExec = config->resolve(QStringLiteral("ctx-exec"));
    if (!viaExec)
        QFAIL(qPrintable(viaExec.error().toString()));
    QCOMPARE(viaExec->user.exec->command, dir.filePath(QStringLiteral("bin/plugin")));
    const auto exec = config->user(QStringLiteral("u-exec"));
    QVERIFY(exec && exec->exec);
    QCOMPARE(exec->exec->env.value(0).value, QStringLiteral("y"));
    QCOMPARE(exec->exec->interactiveMode, ExecConfig::InteractiveMode::Never);
    const auto minimal = config->user(QStringLiteral("u-exec-min"));
    QVERIFY(minimal && minimal->exec);
    QCOMPARE(minimal->exec->effectiveInteractiveMode(), ExecConfig::InteractiveMode::IfAvailable);
    QCOMPARE(config->cluster(QStringLiteral("c1"))->server, QStringLiteral("https://shadowed.example"));
    auto first = Kubeconfig::loadFiles({dir.filePath(QStringLiteral("a.yaml"))});
    if (!first)
        QFAIL(qPrintable(first.error().toString()));
    const auto c1 = first->cluster(QStringLiteral("c1"));
    QVERIFY(c1.has_value());
    QCOMPARE(c1->server, QStringLiteral("https://a.example:6443"));
    QCOMPARE(c1->tlsServerName, QStringLiteral("api.internal"));
    QCOMPARE(c1->proxyUrl, QStringLiteral("socks5://127.0.0.1:1080"));
    QVERIFY(c1->disableCompression);
}

void tst_Kubeconfig::loadingPrecedence()
{
    const QString sep = QString(QDir::listSeparator());
    qputenv("KUBECONFIG", QString(QStringLiteral("/x/a") + sep + QStringLiteral("/x/b") + sep + sep
                                  + QStringLiteral("/x/a"))
                              .toLocal8Bit());
    QCOMPARE(Kubeconfig::loadingPrecedence(),
             (QStringList{QStringLiteral("/x/a"), QStringLiteral("/x/b")}));
    QCOMPARE(Kubeconfig::loadingPrecedence(QStringLiteral("/e")), QStringList{QStringLiteral("/e")});
    qputenv("KUBECONFIG", QByteArray());
    QCOMPARE(Kubeconfig::loadingPrecedence(),
             QStringList{QDir::home().filePath(QStringLiteral(".kube/config"))});
}

void tst_Kubeconfig::malformedYamlNamesFileLineColumn_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("unclosed flow sequence")
        << QStringLiteral("clusters:\n- name: x\n  cluster:\n    server: [\n") << 5 << 1;
    QTest::newRow("bad indentation")
        << QStringLiteral("apiVersion: v1\nclusters:\n- name: x\n cluster: 1\n") << 4 << 2;
    QTest::newRow("wrong type for a field")
        << QStringLiteral("apiVersion: v1\nclusters:\n- name: x\n  cluster:\n    server: [a]\n")
        << 5 << 13;
    QTest::newRow("bad boolean")
        << QStringLiteral("clusters:\n- name: x\n  cluster:\n    insecure-skip-tls-verify: maybe\n")
        << 4 << 31;
}

void tst_Kubeconfig::malformedYamlNamesFileLineColumn()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QTemporaryDir dir;
    QVERIFY(writeFiles(dir.path(), {{QStringLiteral("bad.yaml"), text}}));
    const QString path = dir.filePath(QStringLiteral("bad.yaml"));
    auto config = Kubeconfig::loadFiles({path});
    QVERIFY(!config);
    QCOMPARE(config.error().kind, Error::Kind::Parse);
    QCOMPARE(config.error().file, path);
    QCOMPARE(config.error().line, line);
    QCOMPARE(config.error().column, column);
    QVERIFY(config.error().toString().startsWith(
        QString(path + QLatin1Char(':') + QString::number(line) + QLatin1Char(':')
                + QString::number(column) + QStringLiteral(": "))));
}

void tst_Kubeconfig::missingReferencedFileNamesPath()
{
    QTemporaryDir dir;
    QVERIFY(writeFiles(dir.path(), {{QStringLiteral("a.yaml"), QLatin1String(kFull)}}));
    auto config = Kubeconfig::loadFiles({dir.filePath(QStringLiteral("a.yaml"))});
    if (!config)
        QFAIL(qPrintable(config.error().toString()));
    auto resolved = config->resolve(QStringLiteral("ctx-a"));
    QVERIFY(!resolved);
    QCOMPARE(resolved.error().kind, Error::Kind::Io);
    QCOMPARE(resolved.error().file, dir.filePath(QStringLiteral("certs/ca.crt")));
    QVERIFY(resolved.error().toString().contains(dir.filePath(QStringLiteral("certs/ca.crt"))));
    auto cert = config->resolve(QStringLiteral("ctx-b"));
    QVERIFY(!cert);
    QCOMPARE(cert.error().file, dir.filePath(QStringLiteral("certs/client.crt")));
}

void tst_Kubeconfig::unknownContextListsKnown()
{
    QTemporaryDir dir;
    QVERIFY(writeFiles(dir.path(), {{QStringLiteral("b.yaml"), QLatin1String(kSecond)}}));
    auto config = Kubeconfig::loadFiles({dir.filePath(QStringLiteral("b.yaml"))});
    if (!config)
        QFAIL(qPrintable(config.error().toString()));
    const auto resolved = config->resolve(QStringLiteral("prod"));
    const auto used = config->setCurrentContext(QStringLiteral("prod"));
    const auto namespaced = config->setContextNamespace(QStringLiteral("prod"), QStringLiteral("x"));
    QVERIFY(!resolved && !used && !namespaced);
    for (const Error &error : {resolved.error(), used.error(), namespaced.error()}) {
        const QString text = error.toString();
        QVERIFY2(text.contains(QStringLiteral("\"prod\"")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("ctx-a, ctx-second")), qPrintable(text));
    }
}

void tst_Kubeconfig::execInteractiveModeAsKubectl_data()
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

void tst_Kubeconfig::execInteractiveModeAsKubectl()
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

void tst_Kubeconfig::idpCertificateAuthorityRelativeToItsFile()
{
    // The context and cluster come from one folder, the OIDC user from another: the issuer's CA
    // path is relative to the file that names it, not to the first file or the working folder.
    QTemporaryDir dir;
    QVERIFY(writeFiles(dir.path(), {
        {QStringLiteral("b/contexts.yaml"),
         QStringLiteral("apiVersion: v1\nkind: Config\ncurrent-context: oidc\nclusters:\n- name: c\n"
                        "  cluster: {server: \"https://c.example\"}\ncontexts:\n"
                        "- name: oidc\n  context: {cluster: c, user: oidc-user}\n"
                        "- name: both\n  context: {cluster: c, user: both-user}\n"
                        "- name: missing\n  context: {cluster: c, user: missing-user}\n")},
        {QStringLiteral("a/users.yaml"),
         QStringLiteral("apiVersion: v1\nkind: Config\nusers:\n"
                        "- name: oidc-user\n  user:\n    auth-provider:\n      name: oidc\n      config:\n"
                        "        idp-issuer-url: https://issuer.example\n        client-id: cid\n"
                        "        idp-certificate-authority: ../pki/idp.crt\n"
                        "- name: both-user\n  user:\n    auth-provider:\n      name: oidc\n      config:\n"
                        "        idp-issuer-url: https://issuer.example\n"
                        "        idp-certificate-authority: ../pki/idp.crt\n"
                        "        idp-certificate-authority-data: SU5MSU5FLUNB\n"
                        "- name: missing-user\n  user:\n    auth-provider:\n      name: oidc\n      config:\n"
                        "        idp-issuer-url: https://issuer.example\n"
                        "        idp-certificate-authority: ../pki/gone.crt\n")},
        {QStringLiteral("pki/idp.crt"), QStringLiteral("IDP-CA\n")},
        {QStringLiteral("b/pki/idp.crt"), QStringLiteral("WRONG-FOLDER\n")}}));
    auto config = Kubeconfig::loadFiles(
        absolute(dir.path(), {QStringLiteral("b/contexts.yaml"), QStringLiteral("a/users.yaml")}));
    if (!config)
        QFAIL(qPrintable(config.error().toString()));

    const auto oidc = config->resolve(QStringLiteral("oidc"));
    if (!oidc)
        QFAIL(qPrintable(oidc.error().toString()));
    QCOMPARE(oidc->idpCertificateAuthorityData, QByteArrayLiteral("IDP-CA\n"));
    // The config keeps the path as written: persisting refreshed tokens must not rewrite it.
    QCOMPARE(oidc->user.authProvider->config.value(QStringLiteral("idp-certificate-authority")),
             QStringLiteral("../pki/idp.crt"));

    const auto both = config->resolve(QStringLiteral("both"));
    if (!both)
        QFAIL(qPrintable(both.error().toString()));
    QCOMPARE(both->idpCertificateAuthorityData, QByteArrayLiteral("INLINE-CA"));

    const auto missing = config->resolve(QStringLiteral("missing"));
    QVERIFY(!missing);
    QCOMPARE(missing.error().kind, Error::Kind::Io);
    QCOMPARE(missing.error().file, dir.filePath(QStringLiteral("pki/gone.crt")));
    QVERIFY2(missing.error().toString().contains(QStringLiteral("idp-certificate-authority")),
             qPrintable(missing.error().toString()));
}

void tst_Kubeconfig::failedWriteLeavesFileIntact()
{
    QTemporaryDir dir;
    QVERIFY(writeFiles(dir.path(), {{QStringLiteral("a.yaml"), QLatin1String(kFull)}}));
    const QString path = dir.filePath(QStringLiteral("a.yaml"));
    auto config = Kubeconfig::loadFiles({path});
    if (!config)
        QFAIL(qPrintable(config.error().toString()));

    // A successful write leaves only the kubeconfig (no temporary file) and makes it private.
    auto ok = config->setContextNamespace(QStringLiteral("ctx-b"), QStringLiteral("other"));
    if (!ok)
        QFAIL(qPrintable(ok.error().toString()));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("a.yaml")});
    QCOMPARE(QFileInfo(path).permissions()
                 & (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                    | QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                    | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    // Someone breaks the file after we loaded it: the write-back fails naming the position and
    // leaves the broken file exactly as it was.
    QVERIFY(writeFiles(dir.path(), {{QStringLiteral("a.yaml"), QStringLiteral("contexts: [\n")}}));
    const QByteArray before = digest(path);
    auto broken = config->setContextNamespace(QStringLiteral("ctx-a"), QStringLiteral("x"));
    QVERIFY(!broken);
    QCOMPARE(broken.error().kind, Error::Kind::Parse);
    QCOMPARE(broken.error().file, path);
    QCOMPARE(digest(path), before);
    auto use = config->setCurrentContext(QStringLiteral("ctx-b"));
    QVERIFY(!use);
    QCOMPARE(digest(path), before);
}

void tst_Kubeconfig::persistsRefreshedOidcTokens()
{
    QTemporaryDir dir;
    FileMap files = supportFiles();
    files.insert(QStringLiteral("a.yaml"), QLatin1String(kFull));
    QVERIFY(writeFiles(dir.path(), files));
    const QString path = dir.filePath(QStringLiteral("a.yaml"));
    auto config = Kubeconfig::loadFiles({path});
    if (!config)
        QFAIL(qPrintable(config.error().toString()));
    QMap<QString, QString> oidc = config->user(QStringLiteral("u-oidc"))->authProvider->config;
    oidc.insert(QStringLiteral("id-token"), QStringLiteral("new-id-token"));
    oidc.insert(QStringLiteral("refresh-token"), QStringLiteral("new-refresh"));
    const auto written = config->setAuthProviderConfig(QStringLiteral("u-oidc"), oidc);
    if (!written)
        QFAIL(qPrintable(written.error().toString()));
    QCOMPARE(config->user(QStringLiteral("u-oidc"))->authProvider->config, oidc);

    // kubectl reads the same tokens back, and nothing else changed.
    const Kubectl view = runKubectl({QStringLiteral("config"), QStringLiteral("view"),
                                     QStringLiteral("--flatten"), QStringLiteral("-o"),
                                     QStringLiteral("json")},
                                    path, dir.path());
    QVERIFY2(view.exitCode == 0, view.err.constData());
    const auto ours = config->toFlattenedJson();
    if (!ours)
        QFAIL(qPrintable(ours.error().toString()));
    QCOMPARE(*ours, QJsonDocument::fromJson(view.out).object());
    QVERIFY(view.out.contains("new-refresh"));
    QVERIFY(!config->setAuthProviderConfig(QStringLiteral("u-token"), oidc));
}

void tst_Kubeconfig::writesThroughSymlink()
{
    // Dotfile managers link ~/.kube/config to a file elsewhere: kubectl writes the target and
    // keeps the link; so must we.
    QTemporaryDir dir;
    QVERIFY(writeFiles(dir.path(), {{QStringLiteral("real/config"), QLatin1String(kNoCurrent)}}));
    const QString link = dir.filePath(QStringLiteral("config-link"));
    QVERIFY(QFile::link(dir.filePath(QStringLiteral("real/config")), link));
    auto config = Kubeconfig::loadFiles({link});
    if (!config)
        QFAIL(qPrintable(config.error().toString()));
    const auto written = config->setCurrentContext(QStringLiteral("ctx-third"));
    if (!written)
        QFAIL(qPrintable(written.error().toString()));
    QVERIFY(QFileInfo(link).isSymLink());
    auto reread = Kubeconfig::loadFiles({dir.filePath(QStringLiteral("real/config"))});
    QVERIFY(reread.has_value());
    QCOMPARE(reread->currentContext(), QStringLiteral("ctx-third"));
}

QTEST_GUILESS_MAIN(tst_Kubeconfig)
#include "tst_kubeconfig.moc"
