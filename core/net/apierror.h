// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/error.h"

#include <QByteArray>
#include <QList>
#include <QNetworkReply>
#include <QSslError>
#include <QString>
#include <QUrl>

namespace Qluster {

/// ApiError turns every way an API call can fail into an Error: a metav1.Status body, a bare HTTP
/// status, a network failure, a TLS failure. Messages name the verb and URL, never headers.
namespace ApiError {

/// ApiError::fromStatus decodes an HTTP error answer. A metav1.Status body gives reason, message
/// and causes; any other body (an HTML page from a proxy) is quoted, trimmed, as the message.
Error fromStatus(int httpStatus, const QByteArray &body, const QByteArray &verb, const QUrl &url);

/// ApiError::fromNetworkError maps a QNetworkReply error without an HTTP answer.
Error fromNetworkError(QNetworkReply::NetworkError error, const QString &errorString,
                       const QByteArray &verb, const QUrl &url);

/// ApiError::fromSslErrors names the host and the reason (unknown certificate authority, name
/// mismatch, expired...) of a failed TLS handshake.
Error fromSslErrors(const QList<QSslError> &errors, const QString &host, const QByteArray &verb,
                    const QUrl &url);

/// ApiError::cancelled is the error of a request or stream cancelled by its owner (or by the
/// connection closing) before it ended.
Error cancelled(const QByteArray &verb, const QUrl &url);

/// ApiError::reasonForStatus is the metav1.StatusReason the API uses for an HTTP status
/// ("NotFound" for 404), for answers without a Status body.
QString reasonForStatus(int httpStatus);

/// ApiError::quoted trims an untrusted text (plugin output, HTML body) for use in a message.
QString quoted(const QByteArray &text, int maxLength = 300);

} // namespace ApiError

} // namespace Qluster
