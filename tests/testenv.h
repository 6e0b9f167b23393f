// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// What the tests need from outside the repository, found at run time:
//   the API corpus (real Kubernetes API documents; licence: read in place, never copied here):
//     QLUSTER_API_CORPUS, else the build's default (../shared/k8s-api beside the checkout);
//   kubectl: QLUSTER_KUBECTL, else kubectl on PATH.
// A test file that needs one says so once:  QLUSTER_TEST_NEEDS(Qluster::Test::NeedsKubectl);
// Without it the test program prints why and ends with 77, which CTest reports as skipped (every
// test is registered with SKIP_RETURN_CODE 77); under CI=true it fails instead: CI skips nothing.

#include <QJsonObject>
#include <QString>

namespace Qluster::Test {

enum Need : unsigned {
    NeedsCorpus = 1,  ///< the real-server API corpus
    NeedsKubectl = 2, ///< a kubectl binary
    NeedsNghttpx = 4, ///< nghttpx, the HTTP/2 proxy (Debian's nghttp2-proxy)
};

/// apiCorpus is the folder of the API corpus, or an empty string when there is none.
QString apiCorpus();
/// corpus is a path inside the API corpus: apiCorpus() + relative (which starts with "/").
QString corpus(const QString &relative);
/// corpusJson reads a JSON object of the API corpus (relative to it, no leading "/"); a file that
/// cannot be read ends the test program, naming it (the corpus itself is checked at start).
QJsonObject corpusJson(const QString &relative);
/// kubectl is the kubectl to run, or an empty string when there is none.
QString kubectl();
/// nghttpx is the nghttpx binary (PATH or /usr/sbin), or an empty string when there is none.
QString nghttpx();
/// requireAtStart checks needs before the first test runs (see the note above); it returns only
/// when every need is met.
bool requireAtStart(unsigned needs);

} // namespace Qluster::Test

#define QLUSTER_TEST_NEEDS(needs)                                                                  \
    namespace {                                                                                    \
    [[maybe_unused]] const bool qlusterTestNeedsMet = Qluster::Test::requireAtStart(needs);        \
    }
