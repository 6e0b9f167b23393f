// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "testpki.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace {

template<typename T, void (*F)(T *)>
struct Deleter
{
    void operator()(T *p) const { F(p); }
};
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

long s_serial = 1000;

Key generateKey(bool ec)
{
    return Key(ec ? EVP_EC_gen("P-256") : EVP_RSA_gen(2048));
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(size));
}

QByteArray certPem(X509 *cert)
{
    Bio bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), cert);
    return bioBytes(bio.get());
}

QByteArray keyPem(EVP_PKEY *key)
{
    Bio bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    return bioBytes(bio.get());
}

void addExtension(X509 *cert, X509 *issuer, int nid, const QByteArray &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData());
    if (ext) {
        X509_add_ext(cert, ext, -1);
        X509_EXTENSION_free(ext);
    }
}

Cert newCert(EVP_PKEY *key, const QString &cn, const QString &org, qint64 from, qint64 to)
{
    Cert cert(X509_new());
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), s_serial++);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), long(from));
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), long(to));
    X509_set_pubkey(cert.get(), key);
    X509_NAME *name = X509_get_subject_name(cert.get());
    if (!org.isEmpty())
        X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>(org.toUtf8().constData()),
                                   -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(cn.toUtf8().constData()), -1,
                               -1, 0);
    return cert;
}

} // namespace

TestPki::Issued TestPki::makeCa(const QString &commonName)
{
    Key key = generateKey(false);
    Cert cert = newCert(key.get(), commonName, QString(), -3600, 10 * 24 * 3600);
    X509_set_issuer_name(cert.get(), X509_get_subject_name(cert.get()));
    addExtension(cert.get(), cert.get(), NID_basic_constraints, "critical,CA:TRUE");
    addExtension(cert.get(), cert.get(), NID_key_usage, "critical,keyCertSign,cRLSign,digitalSignature");
    addExtension(cert.get(), cert.get(), NID_subject_key_identifier, "hash");
    X509_sign(cert.get(), key.get(), EVP_sha256());
    return {certPem(cert.get()), keyPem(key.get())};
}

TestPki::Issued TestPki::issue(const Issued &ca, const Options &options)
{
    Bio caCertBio(BIO_new_mem_buf(ca.certificatePem.constData(), int(ca.certificatePem.size())));
    Cert caCert(PEM_read_bio_X509(caCertBio.get(), nullptr, nullptr, nullptr));
    Bio caKeyBio(BIO_new_mem_buf(ca.keyPem.constData(), int(ca.keyPem.size())));
    Key caKey(PEM_read_bio_PrivateKey(caKeyBio.get(), nullptr, nullptr, nullptr));

    Key key = generateKey(options.ec);
    Cert cert = newCert(key.get(), options.commonName, options.organization, options.notBeforeSecs,
                        options.notAfterSecs);
    X509_set_issuer_name(cert.get(), X509_get_subject_name(caCert.get()));
    addExtension(cert.get(), caCert.get(), NID_basic_constraints, "critical,CA:FALSE");
    addExtension(cert.get(), caCert.get(), NID_key_usage,
                 options.ec ? "critical,digitalSignature" : "critical,digitalSignature,keyEncipherment");
    addExtension(cert.get(), caCert.get(), NID_ext_key_usage,
                 options.client ? "clientAuth" : "serverAuth");
    QStringList sans;
    for (const QString &dns : options.dnsNames)
        sans.append(QStringLiteral("DNS:") + dns);
    for (const QString &ip : options.ipAddresses)
        sans.append(QStringLiteral("IP:") + ip);
    if (!sans.isEmpty())
        addExtension(cert.get(), caCert.get(), NID_subject_alt_name,
                     sans.join(QLatin1Char(',')).toLatin1());
    addExtension(cert.get(), caCert.get(), NID_authority_key_identifier, "keyid:always");
    X509_sign(cert.get(), caKey.get(), EVP_sha256());
    return {certPem(cert.get()), keyPem(key.get())};
}
