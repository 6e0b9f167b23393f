// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>
#include <QUrl>

namespace Qluster {

/// StatusCause is one entry of a metav1.Status `details.causes` list.
struct StatusCause
{
    QString reason;
    QString message;
    QString field;

    friend bool operator==(const StatusCause &, const StatusCause &) = default;
};

/// Error says why an operation failed precisely enough to show the user where and why:
/// the file position for bad input, the HTTP status and the server's Status for API calls,
/// and the verb and URL of the request (never its headers or body).
struct Error
{
    enum class Kind {
        Invalid, ///< bad input given by the user or a caller
        Io, ///< a file could not be read or written
        Parse, ///< a document could not be parsed (file, line, column set when known)
        Network, ///< connection refused, reset, DNS, proxy
        Tls, ///< certificate or handshake failure
        Http, ///< the server answered with an error status (httpStatus, reason set)
        Auth, ///< credentials could not be obtained (exec plugin, OIDC, token file)
        Timeout, ///< no answer in time
        Cancelled, ///< aborted by the caller or by closing the connection
    };

    Kind kind = Kind::Invalid;
    QString message;

    QString file;
    int line = 0; ///< 1-based, 0 when unknown
    int column = 0; ///< 1-based, 0 when unknown

    int httpStatus = 0; ///< 0 when no HTTP answer was received
    QString reason; ///< metav1.Status reason, e.g. "Conflict", "NotFound"
    QList<StatusCause> causes; ///< metav1.Status details.causes
    QString verb; ///< HTTP method of the request that failed
    QUrl url; ///< request URL without user info

    static Error invalid(const QString &message);
    static Error io(const QString &file, const QString &message);
    static Error parse(const QString &file, int line, int column, const QString &message);
    static Error http(int status, const QString &reason, const QString &message);

    /// Error::withRequest returns a copy naming the request that failed; user info is dropped.
    Error withRequest(const QString &verb, const QUrl &url) const;

    /// Error::toString renders the error in one line for the user, e.g.
    /// "config.yaml:12:3: mapping values are not allowed here" or
    /// "PATCH https://h/api/v1/namespaces/a/pods/p: 409 Conflict: the object has been modified".
    QString toString() const;

    friend bool operator==(const Error &, const Error &) = default;
};

} // namespace Qluster
