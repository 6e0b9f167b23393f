// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
//
// What the tst_sandboxkubectl* tests share: the SandboxServer they run real kubectl against, with
// the pods default/web-1 and kube-system/dns-1 running, a CRD maker and a pod's phase.
#pragma once

#include "sandboxfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

namespace Qluster::Test {

// The base of the tst_sandboxkubectl* test classes (its slots start and stop the sandbox).
class SandboxKubectlTest : public QObject
{
    Q_OBJECT

protected:
    std::unique_ptr<SandboxFixture> m_f;

    // A namespaced CRD in group example.com, version v1, whose objects may hold anything.
    static QByteArray crd(const char *plural, const char *kind, const QByteArray &extra = {})
    {
        const QByteArray p(plural);
        return "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: " + p
               + ".example.com\nspec:\n  group: example.com\n  scope: Namespaced\n  names: {plural: " + p + ", singular: " + p.chopped(1)
               + ", kind: " + kind + "}\n  versions:\n  - name: v1\n    served: true\n    storage: true\n"
                 "    schema:\n      openAPIV3Schema:\n        type: object\n        x-kubernetes-preserve-unknown-fields: true\n"
               + extra;
    }

    QString podPhase(const QString &ns, const QString &name)
    {
        QString phase;
        m_f->sandbox().invoke([&](SandboxServer &s) {
            if (const QJsonObject *o = s.store().get(Gvr{QString(), QStringLiteral("v1"), QStringLiteral("pods")}, ns, name))
                phase = o->value(QLatin1String("status")).toObject().value(QLatin1String("phase")).toString();
        });
        return phase;
    }

private Q_SLOTS:
    // Qt Test runs these (found in the base class too) around the tests of the derived class.
    void initTestCase()
    {
        SandboxOptions options;
        options.podStartMilliseconds = 100;
        m_f = std::make_unique<SandboxFixture>(options);
        QVERIFY2(m_f->error().isEmpty(), qPrintable(m_f->error()));
        QVERIFY(!m_f->create(makePod(QStringLiteral("default"), QStringLiteral("web-1"))).isEmpty());
        QVERIFY(!m_f->create(makePod(QStringLiteral("kube-system"), QStringLiteral("dns-1"))).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(podPhase(QStringLiteral("default"), QStringLiteral("web-1")), QStringLiteral("Running"), 5000);
    }

    void cleanupTestCase() { m_f.reset(); }
};

} // namespace Qluster::Test
