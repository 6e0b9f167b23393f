// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace Qluster {

/// KeyPair is a PEM certificate and its PEM private key.
struct KeyPair
{
    QByteArray certificatePem;
    QByteArray privateKeyPem;
};

/// CertificateAuthority is a throw-away CA created with OpenSSL (EC P-256) that issues the
/// sandbox's server certificate and client certificates (CN = user, O = groups, as the apiserver
/// reads them) and verifies that a client certificate was signed by it.
class CertificateAuthority final
{
public:
    /// CertificateAuthority::create generates a new CA key and self-signed certificate.
    static Result<CertificateAuthority> create(const QString &commonName = QStringLiteral("qluster-sandbox-ca"));

    CertificateAuthority(CertificateAuthority &&) noexcept;
    CertificateAuthority &operator=(CertificateAuthority &&) noexcept;
    ~CertificateAuthority();

    QByteArray certificatePem() const;

    /// CertificateAuthority::issueServer issues a server certificate for the given DNS names and IPs.
    Result<KeyPair> issueServer(const QStringList &dnsNames, const QStringList &ipAddresses) const;

    /// CertificateAuthority::issueClient issues a client certificate for `user` in `groups`.
    Result<KeyPair> issueClient(const QString &user, const QStringList &groups) const;

    /// CertificateAuthority::verify tells whether the DER certificate was signed by this CA and is
    /// within its validity period.
    bool verify(const QByteArray &certificateDer) const;

private:
    struct Private;
    explicit CertificateAuthority(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace Qluster
