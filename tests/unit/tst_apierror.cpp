// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "net/apierror.h"
#include "testenv.h"

#include <QFile>
#include <QTest>

QLUSTER_TEST_NEEDS(Qluster::Test::NeedsCorpus)

using namespace Qluster;

class tst_ApiError final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void realStatusBodies_data();
    void realStatusBodies();
    void nonStatusBody();
    void networkErrors_data();
    void networkErrors();
    void sslErrorsNameHostAndReason();
};

namespace {
QByteArray readResponse(const QString &name)
{
    QFile f(Qluster::Test::corpus(QStringLiteral("/real-1.22/responses/")) + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

void tst_ApiError::realStatusBodies_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("messageStart");
    QTest::addColumn<int>("causes");
    QTest::addColumn<QString>("firstCauseField");

    QTest::newRow("401") << QStringLiteral("status_401_unauthorized.json") << 401
                         << QStringLiteral("Unauthorized") << QStringLiteral("Unauthorized") << 0
                         << QString();
    QTest::newRow("403") << QStringLiteral("status_403_forbidden.json") << 403
                         << QStringLiteral("Forbidden") << QStringLiteral("configmaps is forbidden: User \"viewer\"")
                         << 0 << QString();
    QTest::newRow("404") << QStringLiteral("status_404_notfound.json") << 404
                         << QStringLiteral("NotFound") << QStringLiteral("configmaps \"") << 0
                         << QString();
    QTest::newRow("409 stale") << QStringLiteral("status_409_conflict_stale_update.json") << 409
                               << QStringLiteral("Conflict")
                               << QStringLiteral("Operation cannot be fulfilled") << 0 << QString();
    QTest::newRow("409 ssa") << QStringLiteral("status_409_ssa_field_conflict.json") << 409
                             << QStringLiteral("Conflict") << QStringLiteral("Apply failed with 1 conflict")
                             << 1 << QStringLiteral(".data.k");
    QTest::newRow("415") << QStringLiteral("status_415_unsupported_patch.json") << 415
                         << QStringLiteral("UnsupportedMediaType") << QString() << 0 << QString();
    QTest::newRow("422") << QStringLiteral("status_422_invalid.json") << 422
                         << QStringLiteral("Invalid") << QStringLiteral("ConfigMap \"Bad_Name\" is invalid")
                         << 1 << QStringLiteral("metadata.name");
}

void tst_ApiError::realStatusBodies()
{
    QFETCH(QString, file);
    QFETCH(int, status);
    QFETCH(QString, reason);
    QFETCH(QString, messageStart);
    QFETCH(int, causes);
    QFETCH(QString, firstCauseField);

    const QByteArray body = readResponse(file);
    QVERIFY2(!body.isEmpty(), qPrintable(file));
    const QUrl url(QStringLiteral("https://127.0.0.1:6443/api/v1/namespaces/demo/configmaps/x"));
    const Error e = ApiError::fromStatus(status, body, "PUT", url);
    QCOMPARE(e.kind, Error::Kind::Http);
    QCOMPARE(e.httpStatus, status);
    QCOMPARE(e.reason, reason);
    QVERIFY2(e.message.startsWith(messageStart), qPrintable(e.message));
    QVERIFY(!e.message.isEmpty());
    QCOMPARE(e.causes.size(), causes);
    if (causes > 0)
        QCOMPARE(e.causes.first().field, firstCauseField);
    QCOMPARE(e.verb, QStringLiteral("PUT"));
    QCOMPARE(e.url, url);
    const QString text = e.toString();
    QVERIFY2(text.startsWith(QStringLiteral("PUT ") + url.toString() + QStringLiteral(": ")
                             + QString::number(status) + QLatin1Char(' ') + reason),
             qPrintable(text));
}

void tst_ApiError::nonStatusBody()
{
    const Error e = ApiError::fromStatus(502, "<html><body>\n  Bad   gateway\n</body></html>\n",
                                         "GET", QUrl(QStringLiteral("https://h/api")));
    QCOMPARE(e.httpStatus, 502);
    QVERIFY2(e.message.contains(QStringLiteral("\"<html><body> Bad gateway </body></html>\"")),
             qPrintable(e.message));
    const Error empty = ApiError::fromStatus(403, {}, "GET", QUrl(QStringLiteral("https://h/api")));
    QCOMPARE(empty.reason, QStringLiteral("Forbidden"));
    QCOMPARE(empty.toString(),
             QStringLiteral("GET https://h/api: 403 Forbidden: the server does not allow this request"));
    QString longBody(1000, QLatin1Char('x'));
    QVERIFY(ApiError::quoted(longBody.toUtf8()).size() < 320);
}

void tst_ApiError::networkErrors_data()
{
    QTest::addColumn<int>("error");
    QTest::addColumn<Error::Kind>("kind");
    QTest::newRow("refused") << int(QNetworkReply::ConnectionRefusedError) << Error::Kind::Network;
    QTest::newRow("host not found") << int(QNetworkReply::HostNotFoundError) << Error::Kind::Network;
    QTest::newRow("proxy") << int(QNetworkReply::ProxyConnectionRefusedError) << Error::Kind::Network;
    QTest::newRow("timeout") << int(QNetworkReply::TimeoutError) << Error::Kind::Timeout;
    QTest::newRow("cancel") << int(QNetworkReply::OperationCanceledError) << Error::Kind::Cancelled;
    QTest::newRow("tls") << int(QNetworkReply::SslHandshakeFailedError) << Error::Kind::Tls;
}

void tst_ApiError::networkErrors()
{
    QFETCH(int, error);
    QFETCH(Error::Kind, kind);
    const Error e = ApiError::fromNetworkError(QNetworkReply::NetworkError(error),
                                               QStringLiteral("Connection refused"), "GET",
                                               QUrl(QStringLiteral("https://u:pw@h:1/api")));
    QCOMPARE(e.kind, kind);
    QCOMPARE(e.toString(), QStringLiteral("GET https://h:1/api: Connection refused"));
}

void tst_ApiError::sslErrorsNameHostAndReason()
{
    const QUrl url(QStringLiteral("https://api.example:6443/version"));
    const Error unknown = ApiError::fromSslErrors(
        {QSslError(QSslError::SelfSignedCertificateInChain),
         QSslError(QSslError::UnableToGetLocalIssuerCertificate)},
        QStringLiteral("api.example"), "GET", url);
    QCOMPARE(unknown.kind, Error::Kind::Tls);
    QCOMPARE(unknown.message, QStringLiteral("TLS handshake with api.example failed: certificate "
                                             "signed by unknown authority"));
    const Error mismatch = ApiError::fromSslErrors({QSslError(QSslError::HostNameMismatch)},
                                                   QStringLiteral("api.example"), "GET", url);
    QVERIFY2(mismatch.message.contains(QStringLiteral("certificate is not valid for api.example")),
             qPrintable(mismatch.message));
    const Error expired = ApiError::fromSslErrors({QSslError(QSslError::CertificateExpired)},
                                                  QStringLiteral("api.example"), "GET", url);
    QVERIFY2(expired.message.contains(QStringLiteral("certificate has expired")),
             qPrintable(expired.message));
}

QTEST_GUILESS_MAIN(tst_ApiError)
#include "tst_apierror.moc"
