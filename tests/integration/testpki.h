// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

/// TestPki makes throw-away X.509 material for TLS tests with OpenSSL: a CA, server and client
/// certificates (RSA or EC keys), including expired ones and ones for the wrong name.
struct TestPki
{
    struct Issued
    {
        QByteArray certificatePem;
        QByteArray keyPem;
    };

    struct Options
    {
        QString commonName;
        QString organization; ///< Kubernetes reads client certificate O= as groups
        QStringList dnsNames;
        QStringList ipAddresses;
        bool client = false;
        bool ec = false;
        qint64 notBeforeSecs = -3600; ///< relative to now
        qint64 notAfterSecs = 24 * 3600;
    };

    /// TestPki::makeCa creates a self-signed CA.
    static Issued makeCa(const QString &commonName);
    /// TestPki::issue signs a leaf certificate with `ca`.
    static Issued issue(const Issued &ca, const Options &options);
};
