// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "apierror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>

namespace Qluster::ApiError {

QString reasonForStatus(int httpStatus)
{
    // k8s.io/apimachinery/pkg/api/errors: reasonForCode and NewGenericServerResponse.
    switch (httpStatus) {
    case 400: return QStringLiteral("BadRequest");
    case 401: return QStringLiteral("Unauthorized");
    case 403: return QStringLiteral("Forbidden");
    case 404: return QStringLiteral("NotFound");
    case 405: return QStringLiteral("MethodNotAllowed");
    case 406: return QStringLiteral("NotAcceptable");
    case 409: return QStringLiteral("Conflict");
    case 410: return QStringLiteral("Expired");
    case 413: return QStringLiteral("RequestEntityTooLarge");
    case 415: return QStringLiteral("UnsupportedMediaType");
    case 422: return QStringLiteral("Invalid");
    case 429: return QStringLiteral("TooManyRequests");
    case 500: return QStringLiteral("InternalError");
    case 503: return QStringLiteral("ServiceUnavailable");
    case 504: return QStringLiteral("Timeout");
    default: return {};
    }
}

QString quoted(const QByteArray &text, int maxLength)
{
    QString s = QString::fromUtf8(text).simplified();
    if (s.size() > maxLength)
        s = s.left(maxLength) + QStringLiteral("…");
    return QLatin1Char('"') + s + QLatin1Char('"');
}

namespace {

QString defaultMessage(int status)
{
    switch (status) {
    case 401: return QStringLiteral("the server has asked for the client to provide credentials");
    case 403: return QStringLiteral("the server does not allow this request");
    case 404: return QStringLiteral("the server could not find the requested resource");
    case 429: return QStringLiteral("the server has received too many requests, try again later");
    case 503: return QStringLiteral("the server is currently unable to handle the request");
    default: return QStringLiteral("the server responded with status %1").arg(status);
    }
}

} // namespace

Error fromStatus(int httpStatus, const QByteArray &body, const QByteArray &verb, const QUrl &url)
{
    Error error = Error::http(httpStatus, reasonForStatus(httpStatus), defaultMessage(httpStatus));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject status = doc.object();
    if (parseError.error == QJsonParseError::NoError
        && status.value(QLatin1String("kind")).toString() == QLatin1String("Status")) {
        const QString message = status.value(QLatin1String("message")).toString();
        const QString reason = status.value(QLatin1String("reason")).toString();
        if (!message.isEmpty())
            error.message = message;
        if (!reason.isEmpty())
            error.reason = reason;
        const int code = status.value(QLatin1String("code")).toInt();
        if (code > 0)
            error.httpStatus = code;
        const QJsonArray causes =
            status.value(QLatin1String("details")).toObject().value(QLatin1String("causes")).toArray();
        for (const QJsonValue &c : causes) {
            const QJsonObject cause = c.toObject();
            error.causes.append({cause.value(QLatin1String("reason")).toString(),
                                 cause.value(QLatin1String("message")).toString(),
                                 cause.value(QLatin1String("field")).toString()});
        }
    } else if (!body.trimmed().isEmpty()) {
        error.message += QStringLiteral(" (body: %1)").arg(quoted(body));
    }
    return error.withRequest(QString::fromLatin1(verb), url);
}

Error fromNetworkError(QNetworkReply::NetworkError networkError, const QString &errorString,
                       const QByteArray &verb, const QUrl &url)
{
    Error error;
    switch (networkError) {
    case QNetworkReply::OperationCanceledError:
        error.kind = Error::Kind::Cancelled;
        break;
    case QNetworkReply::TimeoutError:
        error.kind = Error::Kind::Timeout;
        break;
    case QNetworkReply::SslHandshakeFailedError:
        error.kind = Error::Kind::Tls;
        break;
    default:
        error.kind = Error::Kind::Network;
    }
    // Qt's error strings hold the host and the reason, never request headers.
    error.message = errorString;
    return error.withRequest(QString::fromLatin1(verb), url);
}

Error cancelled(const QByteArray &verb, const QUrl &url)
{
    Error e;
    e.kind = Error::Kind::Cancelled;
    e.message = QStringLiteral("request cancelled");
    return e.withRequest(QString::fromLatin1(verb), url);
}

Error fromSslErrors(const QList<QSslError> &errors, const QString &host, const QByteArray &verb,
                    const QUrl &url)
{
    QStringList reasons;
    for (const QSslError &e : errors) {
        QString reason;
        switch (e.error()) {
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::CertificateUntrusted:
        // A CA with the issuer's name but another key: Go also reports an unknown authority.
        case QSslError::CertificateSignatureFailed:
            reason = QStringLiteral("certificate signed by unknown authority");
            break;
        case QSslError::HostNameMismatch: {
            const QStringList names = e.certificate().subjectAlternativeNames().values(QSsl::DnsEntry)
                + e.certificate().subjectAlternativeNames().values(QSsl::IpAddressEntry);
            reason = QStringLiteral("certificate is not valid for %1").arg(host);
            if (!names.isEmpty())
                reason += QStringLiteral(" (valid for %1)").arg(names.join(QStringLiteral(", ")));
            break;
        }
        case QSslError::CertificateExpired:
            reason = QStringLiteral("certificate has expired (not after %1)")
                         .arg(e.certificate().expiryDate().toString(Qt::ISODate));
            break;
        case QSslError::CertificateNotYetValid:
            reason = QStringLiteral("certificate is not yet valid (not before %1)")
                         .arg(e.certificate().effectiveDate().toString(Qt::ISODate));
            break;
        default:
            reason = e.errorString();
        }
        if (!reasons.contains(reason))
            reasons.append(reason);
    }
    Error error;
    error.kind = Error::Kind::Tls;
    error.message = QStringLiteral("TLS handshake with %1 failed: %2")
                        .arg(host, reasons.isEmpty() ? QStringLiteral("unknown reason")
                                                     : reasons.join(QStringLiteral("; ")));
    return error.withRequest(QString::fromLatin1(verb), url);
}

} // namespace Qluster::ApiError
