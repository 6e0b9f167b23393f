// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
//
// What the tst_connection* tests share: a ResolvedContext and a Connection for a loopback server,
// Status bodies, a handler accepting only some credentials, a credential plugin script, and the
// TLS configuration of a loopback server with certificates from a throw-away CA.
#pragma once

#include "config/kubeconfig.h"
#include "fetch.h"
#include "loopbackserver.h"
#include "net/connection.h"
#include "testpki.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <optional>

namespace Qluster::Test {

inline ResolvedContext contextFor(const QUrl &server, const KubeconfigUser &user = {},
                                  const KubeconfigCluster &base = {})
{
    ResolvedContext c;
    c.contextName = QStringLiteral("test");
    c.cluster = base;
    c.cluster.name = QStringLiteral("test-cluster");
    c.cluster.server = server.toString();
    c.user = user;
    if (c.user.name.isEmpty())
        c.user.name = QStringLiteral("test-user");
    c.namespaceName = QStringLiteral("default");
    return c;
}

inline std::unique_ptr<Connection> open(const ResolvedContext &context, ConnectionOptions options = {})
{
    options.retryBaseDelayMs = 10;
    auto c = Connection::create(context, options);
    if (!c) {
        qWarning("%s", qPrintable(c.error().toString()));
        return nullptr;
    }
    return std::move(*c);
}

inline ApiRequest versionRequest()
{
    return ApiRequest::raw(QStringLiteral("/version"));
}

inline const QByteArray kVersion = R"({"major":"1","minor":"30","gitVersion":"v1.30.0"})";

inline QByteArray statusBody(int code, const char *reason, const char *message)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("kind"), QStringLiteral("Status")},
                                     {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                     {QStringLiteral("status"), QStringLiteral("Failure")},
                                     {QStringLiteral("message"), QLatin1String(message)},
                                     {QStringLiteral("reason"), QLatin1String(reason)},
                                     {QStringLiteral("code"), code}})
        .toJson(QJsonDocument::Compact);
}

// A handler that answers /version only to requests whose Authorization is in `accepted`.
inline LoopbackServer::Handler acceptBearer(const QList<QByteArray> *accepted)
{
    return [accepted](const LoopbackServer::Request &r, LoopbackServer::Exchange &x) {
        const QByteArray auth = r.header("Authorization");
        if (!accepted->contains(auth)) {
            x.replyJson(401, statusBody(401, "Unauthorized", "Unauthorized"));
            return;
        }
        x.replyJson(200, kVersion);
    };
}

inline bool writeFile(const QString &path, const QByteArray &data, bool executable = false)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    f.write(data);
    f.close();
    if (executable)
        f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
    return true;
}

inline const char *const kExecScript = R"(#!/bin/sh
n=$(cat "$COUNT_FILE" 2>/dev/null || echo 0)
n=$((n+1))
echo $n > "$COUNT_FILE"
printf '%s' "$KUBERNETES_EXEC_INFO" > "$COUNT_FILE.info"
exp=$(date -u -d "+${EXPIRY_SECS} seconds" +%Y-%m-%dT%H:%M:%SZ)
printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"exec-token-%s","expirationTimestamp":"%s"}}' "$n" "$exp"
)";

inline KubeconfigUser execUser(const QString &script, const QString &countFile, int expirySecs,
                               const QString &apiVersion = QStringLiteral("client.authentication.k8s.io/v1"))
{
    KubeconfigUser u;
    u.name = QStringLiteral("exec-user");
    ExecConfig e;
    e.apiVersion = apiVersion;
    e.command = script;
    e.env = {{QStringLiteral("COUNT_FILE"), countFile},
             {QStringLiteral("EXPIRY_SECS"), QString::number(expirySecs)}};
    e.provideClusterInfo = true;
    e.interactiveMode = ExecConfig::InteractiveMode::Never;
    e.installHint = QStringLiteral("Install the test plugin from example.com/plugin");
    u.exec = e;
    return u;
}

inline QSslConfiguration serverTls(const TestPki::Issued &cert, const TestPki::Issued &ca)
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setLocalCertificate(QSslCertificate(cert.certificatePem, QSsl::Pem));
    ssl.setPrivateKey(QSslKey(cert.keyPem, QSsl::Rsa, QSsl::Pem));
    if (ssl.privateKey().isNull())
        ssl.setPrivateKey(QSslKey(cert.keyPem, QSsl::Ec, QSsl::Pem));
    ssl.setCaCertificates({QSslCertificate(ca.certificatePem, QSsl::Pem)});
    ssl.setPeerVerifyMode(QSslSocket::QueryPeer);
    return ssl;
}

// The certificate of a loopback server (127.0.0.1, localhost) issued by `ca`.
inline TestPki::Issued loopbackServerCertificate(const TestPki::Issued &ca)
{
    TestPki::Options server;
    server.commonName = QStringLiteral("127.0.0.1");
    server.dnsNames = {QStringLiteral("localhost")};
    server.ipAddresses = {QStringLiteral("127.0.0.1")};
    return TestPki::issue(ca, server);
}

// The base of the tst_connection* test classes that need files or TLS: a folder for files, a
// throw-away CA and a loopback server's certificate from it, made by its initTestCase.
class ConnectionTest : public QObject
{
    Q_OBJECT
protected:
    QTemporaryDir m_dir;
    TestPki::Issued m_ca;
    TestPki::Issued m_serverCert;

private Q_SLOTS:
    // Qt Test runs it (found in the base class too) before the tests of the derived class.
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_ca = TestPki::makeCa(QStringLiteral("qluster-test-ca"));
        m_serverCert = loopbackServerCertificate(m_ca);
        QVERIFY(!QSslCertificate(m_serverCert.certificatePem, QSsl::Pem).isNull());
    }
};

} // namespace Qluster::Test
