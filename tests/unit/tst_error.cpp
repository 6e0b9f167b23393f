// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "util/error.h"
#include "util/result.h"

#include <QTest>

using namespace Qluster;

class tst_Error final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void toString_data();
    void toString();
    void withRequestDropsUserInfo();
    void resultCarriesValueOrError();
};

void tst_Error::toString_data()
{
    QTest::addColumn<Error>("error");
    QTest::addColumn<QString>("expected");

    QTest::newRow("parse with position")
        << Error::parse(QStringLiteral("/home/u/.kube/config"), 12, 3,
               QStringLiteral("mapping values are not allowed here"))
        << QStringLiteral("/home/u/.kube/config:12:3: mapping values are not allowed here");
    QTest::newRow("io without position")
        << Error::io(QStringLiteral("/tmp/ca.crt"), QStringLiteral("No such file or directory"))
        << QStringLiteral("/tmp/ca.crt: No such file or directory");
    QTest::newRow("http with request")
        << Error::http(
               409, QStringLiteral("Conflict"), QStringLiteral("the object has been modified"))
               .withRequest(QStringLiteral("PUT"),
                   QUrl(QStringLiteral("https://h:6443/api/v1/namespaces/a/pods/p")))
        << QStringLiteral("PUT https://h:6443/api/v1/namespaces/a/pods/p: 409 Conflict: the object "
                          "has been modified");
    Error invalid
        = Error::http(422, QStringLiteral("Invalid"), QStringLiteral("Pod \"X\" is invalid"));
    invalid.causes = {{QStringLiteral("FieldValueInvalid"), QStringLiteral("must be lower case"),
        QStringLiteral("metadata.name")}};
    QTest::newRow("http with causes")
        << invalid
        << QStringLiteral("422 Invalid: Pod \"X\" is invalid; metadata.name: must be lower case");
    QTest::newRow("plain") << Error::invalid(QStringLiteral("bad")) << QStringLiteral("bad");
}

void tst_Error::toString()
{
    QFETCH(Error, error);
    QFETCH(QString, expected);
    QCOMPARE(error.toString(), expected);
}

void tst_Error::withRequestDropsUserInfo()
{
    const Error e = Error::invalid(QStringLiteral("x"))
                        .withRequest(QStringLiteral("GET"),
                            QUrl(QStringLiteral("https://admin:secret@h/api")));
    QVERIFY(!e.toString().contains(QStringLiteral("secret")));
    QCOMPARE(e.url, QUrl(QStringLiteral("https://h/api")));
}

void tst_Error::resultCarriesValueOrError()
{
    const auto half = [](int n) -> Result<int> {
        if (n % 2)
            return fail(Error::invalid(QStringLiteral("%1 is odd").arg(n)));
        return n / 2;
    };
    QCOMPARE(half(4).value(), 2);
    QVERIFY(!half(3).has_value());
    QCOMPARE(half(3).error().message, QStringLiteral("3 is odd"));
}

QTEST_GUILESS_MAIN(tst_Error)
#include "tst_error.moc"
