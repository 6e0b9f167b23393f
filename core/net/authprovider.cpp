// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "authprovider.h"

#include "net/apierror.h"
#include "util/logging.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrlQuery>

namespace Qluster {

namespace {

Error authError(const QString &message)
{
    Error e;
    e.kind = Error::Kind::Auth;
    e.message = message;
    return e;
}

// Seconds of margin so that a credential does not expire on its way to the server.
constexpr int kExpiryMarginSecs = 10;

std::optional<QDateTime> jwtExpiry(const QByteArray &jwt)
{
    const QList<QByteArray> parts = jwt.split('.');
    if (parts.size() != 3)
        return std::nullopt;
    const auto payload = QByteArray::fromBase64Encoding(
        parts.at(1), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (!payload)
        return std::nullopt;
    const QJsonValue exp = QJsonDocument::fromJson(*payload).object().value(QLatin1String("exp"));
    if (!exp.isDouble())
        return std::nullopt;
    return QDateTime::fromSecsSinceEpoch(static_cast<qint64>(exp.toDouble()), Qt::UTC);
}

} // namespace

AuthProvider::AuthProvider(const ResolvedContext &context, const ConnectionProfile &profile,
                           QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_profile(profile)
    , m_network(network)
{
    const KubeconfigUser &u = m_context.user;
    // Order as client-go: exec plugin, then auth-provider, then token/tokenFile, then basic.
    if (u.exec)
        m_method = Method::Exec;
    else if (u.authProvider)
        m_method = Method::Oidc;
    else if (!u.tokenFile.isEmpty())
        m_method = Method::TokenFile;
    else if (!u.token.isEmpty())
        m_method = Method::Token;
    else if (!u.username.isEmpty() || !u.password.isEmpty())
        m_method = Method::Basic;
    else if (!u.clientCertificateData.isEmpty())
        m_method = Method::ClientCertificate;
    if (u.authProvider) {
        m_idToken = u.authProvider->config.value(QStringLiteral("id-token")).toUtf8();
        m_refreshToken = u.authProvider->config.value(QStringLiteral("refresh-token")).toUtf8();
    }
}

AuthProvider::~AuthProvider() = default;

Credentials AuthProvider::bearer(const QByteArray &token) const
{
    if (m_profile.tokenHeader.isEmpty()
        || m_profile.tokenHeader.compare("Authorization", Qt::CaseInsensitive) == 0)
        return {QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token, {}, {}};
    return {m_profile.tokenHeader, token, {}, {}};
}

Result<Credentials> AuthProvider::tokenFileCredentials()
{
    const QString path = m_context.user.tokenFile;
    const QFileInfo info(path);
    // Re-read when the file changed (kubelet/projected tokens rotate in place).
    if (m_fileToken.isEmpty() || info.lastModified() != m_fileModified || info.size() != m_fileSize) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly)) {
            m_fileToken = file.readAll().trimmed();
            m_fileModified = info.lastModified();
            m_fileSize = info.size();
        } else if (m_fileToken.isEmpty()) {
            if (!m_context.user.token.isEmpty())
                return bearer(m_context.user.token.toUtf8());
            Error e = authError(QStringLiteral("cannot read tokenFile: %1").arg(file.errorString()));
            e.file = path;
            return fail(e);
        }
    }
    if (m_fileToken.isEmpty()) {
        Error e = authError(QStringLiteral("tokenFile is empty"));
        e.file = path;
        return fail(e);
    }
    return bearer(m_fileToken);
}

void AuthProvider::credentials(QObject *context, Callback callback)
{
    const KubeconfigUser &u = m_context.user;
    switch (m_method) {
    case Method::None:
    case Method::ClientCertificate:
        callback(Credentials{});
        return;
    case Method::Token:
        callback(bearer(u.token.toUtf8()));
        return;
    case Method::TokenFile:
        callback(tokenFileCredentials());
        return;
    case Method::Basic:
        callback(Credentials{QByteArrayLiteral("Authorization"),
                             QByteArrayLiteral("Basic ")
                                 + QString(u.username + QLatin1Char(':') + u.password)
                                       .toUtf8()
                                       .toBase64(),
                             {},
                             {}});
        return;
    case Method::Exec:
        if (m_execCredential
            && (!m_execCredential->expirationTimestamp.isValid()
                || QDateTime::currentDateTimeUtc().addSecs(kExpiryMarginSecs)
                       < m_execCredential->expirationTimestamp)) {
            Credentials c = m_execCredential->token.isEmpty() ? Credentials{}
                                                               : bearer(m_execCredential->token);
            c.clientCertificatePem = m_execCredential->clientCertificateData;
            c.clientKeyPem = m_execCredential->clientKeyData;
            callback(c);
            return;
        }
        m_waiters.push_back({context, std::move(callback), context != nullptr});
        if (!m_plugin)
            runExec();
        return;
    case Method::Oidc: {
        if (u.authProvider->name != QLatin1String("oidc")) {
            callback(fail(authError(
                QStringLiteral("auth-provider \"%1\" of user \"%2\" is not supported (it was removed "
                               "from kubectl too); use an exec credential plugin instead")
                    .arg(u.authProvider->name, u.name))));
            return;
        }
        if (!m_forceOidcRefresh && (oidcTokenFresh() || m_refreshToken.isEmpty())) {
            if (m_idToken.isEmpty()) {
                callback(fail(authError(QStringLiteral("oidc user \"%1\" has neither id-token nor "
                                                       "refresh-token")
                                            .arg(u.name))));
                return;
            }
            callback(bearer(m_idToken));
            return;
        }
        m_waiters.push_back({context, std::move(callback), context != nullptr});
        if (!m_oidcRefreshing)
            startOidcRefresh();
        return;
    }
    }
}

bool AuthProvider::invalidate(const Credentials &used)
{
    switch (m_method) {
    case Method::TokenFile: {
        m_fileToken.clear(); // force a re-read
        const auto fresh = tokenFileCredentials();
        return fresh && fresh->headerValue != used.headerValue;
    }
    case Method::Exec:
        if (m_execCredential) {
            const Credentials current = bearer(m_execCredential->token);
            if (m_execCredential->token.isEmpty() || current.headerValue == used.headerValue)
                m_execCredential.reset(); // this credential was rejected: run the plugin again
        }
        return true;
    case Method::Oidc:
        if (m_refreshToken.isEmpty())
            return false;
        if (bearer(m_idToken).headerValue == used.headerValue)
            m_forceOidcRefresh = true;
        return true;
    default:
        return false;
    }
}

QList<QPair<QByteArray, QByteArray>> AuthProvider::impersonationHeaders() const
{
    // https://kubernetes.io/docs/reference/access-authn-authz/authentication/#user-impersonation
    QList<QPair<QByteArray, QByteArray>> headers;
    const KubeconfigUser &u = m_context.user;
    if (!u.impersonate.isEmpty())
        headers.append({QByteArrayLiteral("Impersonate-User"), u.impersonate.toUtf8()});
    if (!u.impersonateUid.isEmpty())
        headers.append({QByteArrayLiteral("Impersonate-Uid"), u.impersonateUid.toUtf8()});
    for (const QString &group : u.impersonateGroups)
        headers.append({QByteArrayLiteral("Impersonate-Group"), group.toUtf8()});
    for (auto it = u.impersonateUserExtra.cbegin(); it != u.impersonateUserExtra.cend(); ++it) {
        // Header names cannot hold every character of an extra key: percent-encode it as
        // client-go does (url.PathEscape).
        const QByteArray name = QByteArrayLiteral("Impersonate-Extra-")
            + QUrl::toPercentEncoding(it.key(), QByteArrayLiteral("!$&'()*+,;=:@"));
        for (const QString &value : it.value())
            headers.append({name, value.toUtf8()});
    }
    return headers;
}

void AuthProvider::runExec()
{
    // Kubeconfig::resolve already refuses such a user; a context built by hand is checked here.
    if (auto usable = m_context.user.exec->validate(m_context.user.name); !usable) {
        deliver(fail(usable.error()));
        return;
    }
    ++m_execRuns;
    m_plugin = new ExecPlugin(*m_context.user.exec, m_context.cluster, m_execTimeoutMs, this);
    connect(m_plugin, &ExecPlugin::finished, this, [this](const Result<ExecCredential> &result) {
        m_plugin->deleteLater();
        m_plugin = nullptr;
        if (!result) {
            deliver(fail(result.error()));
            return;
        }
        m_execCredential = *result;
        Credentials c = result->token.isEmpty() ? Credentials{} : bearer(result->token);
        c.clientCertificatePem = result->clientCertificateData;
        c.clientKeyPem = result->clientKeyData;
        deliver(c);
    });
    m_plugin->start(m_environment);
}

bool AuthProvider::oidcTokenFresh() const
{
    if (m_idToken.isEmpty())
        return false;
    const auto expiry = jwtExpiry(m_idToken);
    // An id-token without a readable exp is used as is; the server decides.
    return !expiry || QDateTime::currentDateTimeUtc().addSecs(kExpiryMarginSecs) < *expiry;
}

void AuthProvider::startOidcRefresh()
{
    const QMap<QString, QString> config = m_context.user.authProvider->config;
    const QString issuer = config.value(QStringLiteral("idp-issuer-url"));
    if (issuer.isEmpty() || !m_network) {
        m_forceOidcRefresh = false;
        deliver(fail(authError(QStringLiteral("oidc: cannot refresh the id-token of user \"%1\": "
                                              "idp-issuer-url is not set")
                                   .arg(m_context.user.name))));
        return;
    }
    m_oidcRefreshing = true;

    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    // Kubeconfig::resolve read idp-certificate-authority(-data); a context built by hand may
    // carry only the -data.
    QByteArray idpCa = m_context.idpCertificateAuthorityData;
    if (idpCa.isEmpty())
        idpCa = QByteArray::fromBase64(
            config.value(QStringLiteral("idp-certificate-authority-data")).toLatin1());
    if (!idpCa.isEmpty())
        ssl.setCaCertificates(QSslCertificate::fromData(idpCa, QSsl::Pem));

    auto failWith = [this](const QString &message) {
        m_oidcRefreshing = false;
        m_forceOidcRefresh = false;
        deliver(fail(authError(QStringLiteral("oidc: refreshing the id-token of user \"%1\" failed: %2")
                                   .arg(m_context.user.name, message))));
    };

    QUrl discovery(issuer);
    discovery.setPath(discovery.path().chopped(discovery.path().endsWith(QLatin1Char('/')) ? 1 : 0)
                      + QStringLiteral("/.well-known/openid-configuration"));
    QNetworkRequest request(discovery);
    request.setSslConfiguration(ssl);
    request.setTransferTimeout(30000);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, ssl, config, failWith] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            failWith(reply->url().toDisplayString() + QStringLiteral(": ") + reply->errorString());
            return;
        }
        const QString tokenEndpoint = QJsonDocument::fromJson(reply->readAll())
                                          .object()
                                          .value(QLatin1String("token_endpoint"))
                                          .toString();
        if (tokenEndpoint.isEmpty()) {
            failWith(QStringLiteral("the issuer's discovery document has no token_endpoint"));
            return;
        }
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
        form.addQueryItem(QStringLiteral("refresh_token"), QString::fromUtf8(m_refreshToken));
        form.addQueryItem(QStringLiteral("client_id"), config.value(QStringLiteral("client-id")));
        if (!config.value(QStringLiteral("client-secret")).isEmpty())
            form.addQueryItem(QStringLiteral("client_secret"),
                              config.value(QStringLiteral("client-secret")));
        QNetworkRequest post{QUrl(tokenEndpoint)};
        post.setSslConfiguration(ssl);
        post.setTransferTimeout(30000);
        post.setHeader(QNetworkRequest::ContentTypeHeader,
                       QByteArrayLiteral("application/x-www-form-urlencoded"));
        QByteArray body = form.query(QUrl::FullyEncoded).toUtf8();
        QNetworkReply *tokenReply = m_network->post(post, body);
        connect(tokenReply, &QNetworkReply::finished, this, [this, tokenReply, failWith] {
            tokenReply->deleteLater();
            const int status =
                tokenReply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QJsonObject answer = QJsonDocument::fromJson(tokenReply->readAll()).object();
            if (tokenReply->error() != QNetworkReply::NoError && status == 0) {
                failWith(tokenReply->errorString());
                return;
            }
            if (status != 200) {
                // OAuth2 error answers carry error/error_description, never a token.
                failWith(QStringLiteral("token endpoint answered %1 %2")
                             .arg(status)
                             .arg(answer.value(QLatin1String("error")).toString()));
                return;
            }
            const QByteArray idToken = answer.value(QLatin1String("id_token")).toString().toUtf8();
            if (idToken.isEmpty()) {
                failWith(QStringLiteral("the token endpoint's answer has no id_token"));
                return;
            }
            m_idToken = idToken;
            const QByteArray refresh = answer.value(QLatin1String("refresh_token")).toString().toUtf8();
            if (!refresh.isEmpty())
                m_refreshToken = refresh;
            m_oidcRefreshing = false;
            m_forceOidcRefresh = false;
            qCInfo(lcNet) << "oidc id-token refreshed for user" << m_context.user.name;
            m_context.user.authProvider->config.insert(QStringLiteral("id-token"),
                                                       QString::fromUtf8(m_idToken));
            m_context.user.authProvider->config.insert(QStringLiteral("refresh-token"),
                                                       QString::fromUtf8(m_refreshToken));
            Q_EMIT authProviderConfigChanged(m_context.user.name, m_context.user.authProvider->config);
            deliver(bearer(m_idToken));
        });
    });
}

void AuthProvider::deliver(const Result<Credentials> &result)
{
    std::vector<Waiter> waiters;
    waiters.swap(m_waiters);
    for (Waiter &w : waiters) {
        if (w.hasContext && !w.context)
            continue;
        w.callback(result);
    }
}

} // namespace Qluster
