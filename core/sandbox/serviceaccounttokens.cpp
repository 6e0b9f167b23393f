// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "serviceaccounttokens.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

namespace Qluster {

namespace {

constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray encodePart(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toBase64(kBase64Url);
}

// Compares in time independent of where the first difference is.
bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference = char(difference | (a.at(i) ^ b.at(i)));
    return difference == 0;
}

Error tokenError(const QString &why)
{
    return Error::invalid(QStringLiteral("service account token: ") + why);
}

QDateTime fromNumericDate(const QJsonValue &v)
{
    return v.isDouble() ? QDateTime::fromSecsSinceEpoch(qint64(v.toDouble()), Qt::UTC) : QDateTime();
}

} // namespace

QString ServiceAccountTokens::Claims::username() const
{
    return QStringLiteral("system:serviceaccount:%1:%2").arg(namespaceName, serviceAccount);
}

ServiceAccountTokens::ServiceAccountTokens(QByteArray key)
    : m_key(std::move(key))
{
}

QString ServiceAccountTokens::issuer()
{
    return QStringLiteral("https://kubernetes.default.svc.cluster.local");
}

bool ServiceAccountTokens::looksLikeToken(const QString &bearer)
{
    const QStringList parts = bearer.split(QLatin1Char('.'));
    if (parts.size() != 3 || parts.at(0).isEmpty() || parts.at(1).isEmpty() || parts.at(2).isEmpty())
        return false;
    for (const QString &part : parts) {
        for (QChar c : part) {
            if (!(c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_')) || c.unicode() > 127)
                return false;
        }
    }
    return true;
}

QByteArray ServiceAccountTokens::sign(const QByteArray &signingInput) const
{
    return QMessageAuthenticationCode::hash(signingInput, m_key, QCryptographicHash::Sha256);
}

QString ServiceAccountTokens::issue(const Claims &claims) const
{
    QJsonObject kubernetes{{QStringLiteral("namespace"), claims.namespaceName},
                           {QStringLiteral("serviceaccount"), QJsonObject{{QStringLiteral("name"), claims.serviceAccount},
                                                                          {QStringLiteral("uid"), claims.serviceAccountUid}}}};
    if (!claims.boundKind.isEmpty()) {
        kubernetes.insert(claims.boundKind.toLower(), QJsonObject{{QStringLiteral("name"), claims.boundName},
                                                                  {QStringLiteral("uid"), claims.boundUid}});
    }
    const QJsonObject payload{{QStringLiteral("aud"), QJsonArray::fromStringList(claims.audiences)},
                              {QStringLiteral("exp"), claims.expiresAt.toSecsSinceEpoch()},
                              {QStringLiteral("iat"), claims.issuedAt.toSecsSinceEpoch()},
                              {QStringLiteral("nbf"), claims.issuedAt.toSecsSinceEpoch()},
                              {QStringLiteral("iss"), issuer()},
                              {QStringLiteral("jti"), claims.id},
                              {QStringLiteral("sub"), claims.username()},
                              {QStringLiteral("kubernetes.io"), kubernetes}};
    const QByteArray input = encodePart(QJsonObject{{QStringLiteral("alg"), QStringLiteral("HS256")},
                                                    {QStringLiteral("typ"), QStringLiteral("JWT")}})
                             + '.' + encodePart(payload);
    return QString::fromLatin1(input + '.' + sign(input).toBase64(kBase64Url));
}

Result<ServiceAccountTokens::Claims> ServiceAccountTokens::verify(const QString &token, const QDateTime &now) const
{
    if (!looksLikeToken(token))
        return fail(tokenError(QStringLiteral("not a JSON Web Token")));
    const QByteArray bytes = token.toLatin1();
    const qsizetype lastDot = bytes.lastIndexOf('.');
    const QByteArray input = bytes.left(lastDot);
    const auto signature = QByteArray::fromBase64Encoding(bytes.mid(lastDot + 1), kBase64Url | QByteArray::AbortOnBase64DecodingErrors);
    if (!signature || !sameBytes(*signature, sign(input)))
        return fail(tokenError(QStringLiteral("invalid signature")));
    const QList<QByteArray> parts = input.split('.');
    const auto header = QByteArray::fromBase64Encoding(parts.value(0), kBase64Url | QByteArray::AbortOnBase64DecodingErrors);
    const auto payloadBytes = QByteArray::fromBase64Encoding(parts.value(1), kBase64Url | QByteArray::AbortOnBase64DecodingErrors);
    if (!header || !payloadBytes)
        return fail(tokenError(QStringLiteral("malformed")));
    if (QJsonDocument::fromJson(*header).object().value(QLatin1String("alg")).toString() != QLatin1String("HS256"))
        return fail(tokenError(QStringLiteral("unexpected signing algorithm")));
    const QJsonObject payload = QJsonDocument::fromJson(*payloadBytes).object();
    if (payload.value(QLatin1String("iss")).toString() != issuer())
        return fail(tokenError(QStringLiteral("unknown issuer")));
    Claims claims;
    const QJsonObject kubernetes = payload.value(QLatin1String("kubernetes.io")).toObject();
    claims.namespaceName = kubernetes.value(QLatin1String("namespace")).toString();
    const QJsonObject account = kubernetes.value(QLatin1String("serviceaccount")).toObject();
    claims.serviceAccount = account.value(QLatin1String("name")).toString();
    claims.serviceAccountUid = account.value(QLatin1String("uid")).toString();
    for (const QJsonValue &a : payload.value(QLatin1String("aud")).toArray())
        claims.audiences << a.toString();
    claims.issuedAt = fromNumericDate(payload.value(QLatin1String("iat")));
    claims.expiresAt = fromNumericDate(payload.value(QLatin1String("exp")));
    claims.id = payload.value(QLatin1String("jti")).toString();
    for (const char *kind : {"Pod", "Secret"}) {
        const QJsonObject bound = kubernetes.value(QString::fromLatin1(kind).toLower()).toObject();
        if (!bound.isEmpty()) {
            claims.boundKind = QLatin1String(kind);
            claims.boundName = bound.value(QLatin1String("name")).toString();
            claims.boundUid = bound.value(QLatin1String("uid")).toString();
        }
    }
    if (claims.namespaceName.isEmpty() || claims.serviceAccount.isEmpty()
        || payload.value(QLatin1String("sub")).toString() != claims.username())
        return fail(tokenError(QStringLiteral("no service account in the claims")));
    const QDateTime notBefore = fromNumericDate(payload.value(QLatin1String("nbf")));
    if (!claims.expiresAt.isValid() || !notBefore.isValid())
        return fail(tokenError(QStringLiteral("no validity period in the claims")));
    if (now >= claims.expiresAt)
        return fail(tokenError(QStringLiteral("token has expired")));
    // A minute of leeway for clocks that disagree, as the apiserver allows.
    if (now.addSecs(60) < notBefore)
        return fail(tokenError(QStringLiteral("token is not valid yet")));
    return claims;
}

} // namespace Qluster
