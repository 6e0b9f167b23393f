// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "sandboxauth.h"

#include "apistatus.h"
#include "discoverydocuments.h"
#include "fieldselector.h"
#include "rbacauthorizer.h"
#include "resourcequota.h"
#include "sandboxcontext.h"
#include "sandboxobjects.h"
#include "serviceaccounttokens.h"
#include "api/labelselector.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslSocket>

namespace Qluster {

using namespace SandboxObjects;

namespace {

QString randomToken()
{
    QByteArray bytes(24, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(QRandomGenerator::system()->bounded(256));
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

SandboxAuth::SandboxAuth(SandboxContext &context)
    : m_ctx(context)
{
}

Result<void> SandboxAuth::issueCredentials()
{
    if (m_ctx.options.transport == SandboxOptions::Transport::Https) {
        auto ca = CertificateAuthority::create();
        if (!ca)
            return fail(ca.error());
        m_ca.emplace(std::move(*ca));
        m_caPem = m_ca->certificatePem();
        auto server = m_ca->issueServer({QStringLiteral("localhost")}, {QStringLiteral("127.0.0.1")});
        if (!server)
            return fail(server.error());
        m_serverCert = *server;
        auto admin = m_ca->issueClient(QStringLiteral("admin"), {QStringLiteral("system:masters")});
        if (!admin)
            return fail(admin.error());
        m_clientCerts.insert(QStringLiteral("admin"), *admin);
    }
    for (const QString &user : {QStringLiteral("developer"), QStringLiteral("viewer")}) {
        const QString t = randomToken();
        m_tokens.insert(t, SandboxIdentity{user, {QStringLiteral("system:authenticated")}});
        m_userTokens.insert(user, t);
    }
    if (m_tokenKey.isEmpty()) {
        m_tokenKey.resize(32);
        for (char &c : m_tokenKey)
            c = char(QRandomGenerator::system()->bounded(256));
    }
    return {};
}

std::optional<SandboxIdentity> SandboxAuth::authenticate(HttpConnection *connection,
                                                                   const HttpRequest &request) const
{
    auto withAuthenticated = [](SandboxIdentity id) {
        if (!id.groups.contains(QLatin1String("system:authenticated")))
            id.groups << QStringLiteral("system:authenticated");
        return id;
    };
    QString bearer;
    const QByteArray authorization = request.header("authorization");
    if (authorization.startsWith("Bearer "))
        bearer = QString::fromLatin1(authorization.mid(7).trimmed());
    else if (!m_ctx.options.tokenHeader.isEmpty())
        bearer = QString::fromLatin1(request.headers.value(m_ctx.options.tokenHeader.toLatin1().toLower()).trimmed());
    if (authorization.startsWith("Basic ") && !m_ctx.options.basicAuthUsers.isEmpty()) {
        // Opt-in only, like the --basic-auth-file kube-apiserver had until 1.19.
        const auto decoded = QByteArray::fromBase64Encoding(authorization.mid(6).trimmed(),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        const qsizetype colon = decoded ? decoded.decoded.indexOf(':') : -1;
        if (colon < 0)
            return std::nullopt;
        const QString name = QString::fromUtf8(decoded.decoded.left(colon));
        const QByteArray password = decoded.decoded.mid(colon + 1);
        for (const SandboxBasicAuthUser &u : m_ctx.options.basicAuthUsers) {
            if (u.name != name)
                continue;
            // Compare digests so the time taken does not tell how much of the password matched.
            const QByteArray expected =
                QCryptographicHash::hash(u.password.toUtf8(), QCryptographicHash::Sha256);
            const QByteArray given = QCryptographicHash::hash(password, QCryptographicHash::Sha256);
            unsigned char difference = 0;
            for (qsizetype i = 0; i < expected.size(); ++i)
                difference |= static_cast<unsigned char>(expected.at(i) ^ given.at(i));
            if (difference != 0)
                return std::nullopt;
            SandboxIdentity id;
            id.user = u.name;
            id.uid = u.uid;
            id.groups = u.groups;
            return withAuthenticated(id);
        }
        return std::nullopt;
    }
    if (!bearer.isEmpty()) {
        const auto it = m_tokens.constFind(bearer);
        if (it != m_tokens.constEnd())
            return withAuthenticated(*it);
        if (ServiceAccountTokens::looksLikeToken(bearer))
            return authenticateServiceAccount(bearer);
        return std::nullopt;
    }
    if (auto *ssl = qobject_cast<QSslSocket *>(connection ? connection->socket() : nullptr)) {
        const QSslCertificate cert = ssl->peerCertificate();
        if (!cert.isNull() && m_ca && m_ca->verify(cert.toDer())) {
            SandboxIdentity id;
            id.user = cert.subjectInfo(QSslCertificate::CommonName).value(0);
            id.groups = cert.subjectInfo(QSslCertificate::Organization);
            return withAuthenticated(id);
        }
        return std::nullopt;
    }
    if (m_ctx.options.transport == SandboxOptions::Transport::Http && m_ctx.options.httpAnonymousAdmin)
        return withAuthenticated(SandboxIdentity{QStringLiteral("admin"), {QStringLiteral("system:masters")}});
    return std::nullopt;
}

bool SandboxAuth::authorize(SandboxRequest &r, const QString &verb, const ResourceType *type,
                            const QString &subresource, const QString &namespaceName,
                            const QString &name)
{
    AccessAttributes a;
    a.user = r.identity.user;
    a.groups = r.identity.groups;
    a.verb = verb;
    a.apiGroup = type ? type->group : QString();
    a.resource = type ? type->plural : QString();
    a.subresource = subresource;
    a.namespaceName = namespaceName;
    a.name = name;
    if (RbacAuthorizer(m_ctx.store).allowed(a))
        return true;
    m_ctx.sendStatus(r, ApiStatus::forbidden(a.user, verb,
                                             subresource.isEmpty() ? a.resource : a.resource + QLatin1Char('/') + subresource,
                                             a.apiGroup, namespaceName, name));
    return false;
}

QString SandboxAuth::requestVerb(const SandboxRequest &r, bool named)
{
    const QByteArray &method = r.http.method;
    if (method == "GET" || method == "HEAD") {
        if (named)
            return QStringLiteral("get");
        return isTrue(r.http.queryValue("watch")) ? QStringLiteral("watch") : QStringLiteral("list");
    }
    if (method == "POST")
        return QStringLiteral("create");
    if (method == "PUT")
        return QStringLiteral("update");
    if (method == "PATCH")
        return QStringLiteral("patch");
    if (method == "DELETE")
        return named ? QStringLiteral("delete") : QStringLiteral("deletecollection");
    return {};
}

std::optional<SandboxIdentity> SandboxAuth::authenticateServiceAccount(const QString &token) const
{
    const ServiceAccountTokens tokens(m_tokenKey);
    const auto claims = tokens.verify(token, m_ctx.clock());
    if (!claims)
        return std::nullopt;
    // The token is for this server, its service account still exists (the same one, not a
    // namesake created later), and so does the object it is bound to.
    if (!claims->audiences.contains(ServiceAccountTokens::issuer()))
        return std::nullopt;
    const QJsonObject *account = m_ctx.store.get(serviceAccountsGvr, claims->namespaceName, claims->serviceAccount);
    if (!account || metaString(*account, QLatin1String("uid")) != claims->serviceAccountUid)
        return std::nullopt;
    SandboxIdentity id;
    id.user = claims->username();
    id.uid = claims->serviceAccountUid;
    id.groups = QStringList{QStringLiteral("system:serviceaccounts"),
                            QStringLiteral("system:serviceaccounts:") + claims->namespaceName,
                            QStringLiteral("system:authenticated")};
    id.extra.insert(QStringLiteral("authentication.kubernetes.io/credential-id"), {QStringLiteral("JTI=") + claims->id});
    if (!claims->boundKind.isEmpty()) {
        const Gvr gvr = claims->boundKind == QLatin1String("Pod") ? podsGvr : secretsGvr;
        const QJsonObject *bound = m_ctx.store.get(gvr, claims->namespaceName, claims->boundName);
        if (!bound || metaString(*bound, QLatin1String("uid")) != claims->boundUid)
            return std::nullopt;
        if (claims->boundKind == QLatin1String("Pod")) {
            id.extra.insert(QStringLiteral("authentication.kubernetes.io/pod-name"), {claims->boundName});
            id.extra.insert(QStringLiteral("authentication.kubernetes.io/pod-uid"), {claims->boundUid});
            const QString node = bound->value(kSpec).toObject().value(QLatin1String("nodeName")).toString();
            if (!node.isEmpty())
                id.extra.insert(QStringLiteral("authentication.kubernetes.io/node-name"), {node});
        }
    }
    return id;
}

} // namespace Qluster
