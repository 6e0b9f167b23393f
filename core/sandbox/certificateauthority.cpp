// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "certificateauthority.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace Qluster {

namespace {

struct PkeyDeleter { void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); } };
struct X509Deleter { void operator()(X509 *p) const { X509_free(p); } };
struct BioDeleter { void operator()(BIO *p) const { BIO_free(p); } };
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using X509Ptr = std::unique_ptr<X509, X509Deleter>;
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

Error sslError(const char *what)
{
    return Error::invalid(QStringLiteral("OpenSSL: %1 failed").arg(QLatin1String(what)));
}

PkeyPtr newKey()
{
    return PkeyPtr(EVP_EC_gen("P-256"));
}

QByteArray bioToBytes(BIO *bio)
{
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(len));
}

QByteArray certPem(X509 *cert)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), cert);
    return bioToBytes(bio.get());
}

QByteArray keyPem(EVP_PKEY *key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    return bioToBytes(bio.get());
}

bool addExtension(X509 *cert, X509 *issuer, int nid, const QByteArray &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData());
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

X509Ptr newCertificate(EVP_PKEY *key, const QString &cn, const QStringList &orgs)
{
    X509Ptr cert(X509_new());
    X509_set_version(cert.get(), 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 60L * 60 * 24 * 365);
    X509_set_pubkey(cert.get(), key);
    X509_NAME *name = X509_get_subject_name(cert.get());
    for (const QString &o : orgs) {
        const QByteArray org = o.toUtf8();
        X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>(org.constData()), -1, -1, 0);
    }
    const QByteArray cnBytes = cn.toUtf8();
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(cnBytes.constData()), -1, -1, 0);
    return cert;
}

} // namespace

struct CertificateAuthority::Private
{
    PkeyPtr key;
    X509Ptr cert;
};

CertificateAuthority::CertificateAuthority(std::unique_ptr<Private> p)
    : d(std::move(p))
{
}
CertificateAuthority::CertificateAuthority(CertificateAuthority &&) noexcept = default;
CertificateAuthority &CertificateAuthority::operator=(CertificateAuthority &&) noexcept = default;
CertificateAuthority::~CertificateAuthority() = default;

Result<CertificateAuthority> CertificateAuthority::create(const QString &commonName)
{
    auto p = std::make_unique<Private>();
    p->key = newKey();
    if (!p->key)
        return fail(sslError("EC key generation"));
    p->cert = newCertificate(p->key.get(), commonName, {});
    X509_set_issuer_name(p->cert.get(), X509_get_subject_name(p->cert.get()));
    if (!addExtension(p->cert.get(), p->cert.get(), NID_basic_constraints, "critical,CA:TRUE")
        || !addExtension(p->cert.get(), p->cert.get(), NID_key_usage,
                         "critical,digitalSignature,keyCertSign,cRLSign")
        || !addExtension(p->cert.get(), p->cert.get(), NID_subject_key_identifier, "hash"))
        return fail(sslError("CA extensions"));
    if (X509_sign(p->cert.get(), p->key.get(), EVP_sha256()) == 0)
        return fail(sslError("CA signing"));
    return CertificateAuthority(std::move(p));
}

QByteArray CertificateAuthority::certificatePem() const
{
    return certPem(d->cert.get());
}

Result<KeyPair> CertificateAuthority::issueServer(const QStringList &dnsNames,
                                                  const QStringList &ipAddresses) const
{
    PkeyPtr key = newKey();
    if (!key)
        return fail(sslError("EC key generation"));
    const QString cn = dnsNames.value(0, ipAddresses.value(0));
    X509Ptr cert = newCertificate(key.get(), cn, {});
    X509_set_issuer_name(cert.get(), X509_get_subject_name(d->cert.get()));
    QStringList san;
    for (const QString &dns : dnsNames)
        san << QStringLiteral("DNS:") + dns;
    for (const QString &ip : ipAddresses)
        san << QStringLiteral("IP:") + ip;
    if (!addExtension(cert.get(), d->cert.get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(cert.get(), d->cert.get(), NID_key_usage, "critical,digitalSignature,keyEncipherment")
        || !addExtension(cert.get(), d->cert.get(), NID_ext_key_usage, "serverAuth")
        || !addExtension(cert.get(), d->cert.get(), NID_subject_alt_name, san.join(QLatin1Char(',')).toUtf8()))
        return fail(sslError("server certificate extensions"));
    if (X509_sign(cert.get(), d->key.get(), EVP_sha256()) == 0)
        return fail(sslError("server certificate signing"));
    return KeyPair{certPem(cert.get()), keyPem(key.get())};
}

Result<KeyPair> CertificateAuthority::issueClient(const QString &user, const QStringList &groups) const
{
    PkeyPtr key = newKey();
    if (!key)
        return fail(sslError("EC key generation"));
    X509Ptr cert = newCertificate(key.get(), user, groups);
    X509_set_issuer_name(cert.get(), X509_get_subject_name(d->cert.get()));
    if (!addExtension(cert.get(), d->cert.get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(cert.get(), d->cert.get(), NID_key_usage, "critical,digitalSignature,keyEncipherment")
        || !addExtension(cert.get(), d->cert.get(), NID_ext_key_usage, "clientAuth"))
        return fail(sslError("client certificate extensions"));
    if (X509_sign(cert.get(), d->key.get(), EVP_sha256()) == 0)
        return fail(sslError("client certificate signing"));
    return KeyPair{certPem(cert.get()), keyPem(key.get())};
}

bool CertificateAuthority::verify(const QByteArray &certificateDer) const
{
    const unsigned char *p = reinterpret_cast<const unsigned char *>(certificateDer.constData());
    X509Ptr cert(d2i_X509(nullptr, &p, certificateDer.size()));
    if (!cert)
        return false;
    if (X509_check_issued(d->cert.get(), cert.get()) != X509_V_OK)
        return false;
    if (X509_verify(cert.get(), d->key.get()) != 1)
        return false;
    return X509_cmp_current_time(X509_get0_notBefore(cert.get())) < 0
           && X509_cmp_current_time(X509_get0_notAfter(cert.get())) > 0;
}

} // namespace Qluster
