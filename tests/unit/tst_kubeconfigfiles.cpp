// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
//
// Kubeconfig's files: paths resolved against the file naming them, the loading precedence, errors
// naming file, line and column (or the missing file, or the known contexts), and writing back —
// refreshed OIDC tokens, through a symlink, and a failed write leaving the file intact.
#include "kubeconfigfixtures.h"
#include "testenv.h"

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsKubectl)

using namespace Qluster;
using namespace Qluster::Test;

class tst_KubeconfigFiles final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void resolveReadsFilesRelativeToTheirKubeconfig();
    void loadingPrecedence();
    void malformedYamlNamesFileLineColumn_data();
    void malformedYamlNamesFileLineColumn();
    void missingReferencedFileNamesPath();
    void unknownContextListsKnown();
    void idpCertificateAuthorityRelativeToItsFile();
    void failedWriteLeavesFileIntact();
    void persistsRefreshedOidcTokens();
    void writesThroughSymlink();
};

void tst_KubeconfigFiles::resolveReadsFilesRelativeToTheirKubeconfig()
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

void tst_KubeconfigFiles::loadingPrecedence()
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

void tst_KubeconfigFiles::malformedYamlNamesFileLineColumn_data()
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

void tst_KubeconfigFiles::malformedYamlNamesFileLineColumn()
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

void tst_KubeconfigFiles::missingReferencedFileNamesPath()
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

void tst_KubeconfigFiles::unknownContextListsKnown()
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

void tst_KubeconfigFiles::idpCertificateAuthorityRelativeToItsFile()
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

void tst_KubeconfigFiles::failedWriteLeavesFileIntact()
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

void tst_KubeconfigFiles::persistsRefreshedOidcTokens()
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

void tst_KubeconfigFiles::writesThroughSymlink()
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

QTEST_GUILESS_MAIN(tst_KubeconfigFiles)
#include "tst_kubeconfigfiles.moc"
