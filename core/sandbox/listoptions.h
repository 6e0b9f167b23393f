// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QJsonObject>
#include <QString>

#include <expected>

namespace Qluster {

/// ContinueToken is what a list's `continue` parameter carries, encoded like the apiserver's
/// (base64url without padding of {"v":"meta.k8s.io/v1","rv":…,"start":…}; apiserver
/// storage/continue.go). The sandbox adds `offset` to count remainingItemCount without a scan;
/// clients treat the token as opaque.
struct ContinueToken
{
    qint64 resourceVersion = 0; ///< the list's version; < 0: continue at the latest (after a 410)
    QString start;              ///< first key of the next page, relative to the list's key prefix
    qint64 offset = -1;         ///< objects of the listed range before `start` (-1: not known)

    /// ContinueToken::encode is the text a list returns in metadata.continue.
    QString encode() const;
    /// ContinueToken::decode reads a client's token, failing with the apiserver's "continue key
    /// is not valid: …" messages.
    static Result<ContinueToken> decode(const QString &text);
};

/// ListRead is how one list request reads the store, decided from its resourceVersion,
/// resourceVersionMatch, continue and limit as kube-apiserver 1.32 decides it: the watch cache
/// serves resourceVersion="0" and NotOlderThan without limit (latest state, limit ignored), etcd
/// serves the rest (the latest revision, an exact one, or a continue token's).
struct ListRead
{
    enum class Source {
        Latest,   ///< the newest state, at least `minimumResourceVersion`
        Exact,    ///< the state at `resourceVersion` (Exact, or legacy resourceVersion with limit)
        Continue, ///< the page after `token.start` at `token.resourceVersion`
    };
    Source source = Source::Latest;
    qint64 resourceVersion = 0;
    qint64 minimumResourceVersion = 0;
    bool fromWatchCache = false; ///< served by the watch cache: limit ignored, no continue
    ContinueToken token;

    /// ListRead::parse validates the parameters like ValidateListOptions (422 Invalid on
    /// ListOptions.meta.k8s.io) and the etcd3 store (400 for a bad resourceVersion or continue
    /// token, or both together); the error is the Status to send.
    static std::expected<ListRead, QJsonObject> parse(const QString &resourceVersion,
                                                      const QString &resourceVersionMatch,
                                                      const QString &continueToken, qint64 limit);
};

namespace ListStatus {

/// ListStatus::inconsistentContinue is the 410 Expired Status for a continue token whose version
/// was compacted, carrying in metadata.continue a token that continues at the latest version
/// (etcd3 store, handleCompactedErrorForPaging).
QJsonObject inconsistentContinue(const ContinueToken &expired);
/// ListStatus::tooOld is the 410 Expired Status for an exact list of a compacted version.
QJsonObject tooOld();
/// ListStatus::tooLarge is the 504 Timeout Status for a resourceVersion newer than the store's.
QJsonObject tooLarge(qint64 requested, qint64 current, int retryAfterSeconds);
/// ListStatus::futureRevision is the 500 etcd answers for an exact read of a future revision.
QJsonObject futureRevision();

} // namespace ListStatus

} // namespace Qluster
