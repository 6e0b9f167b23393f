// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>

namespace Qluster {

/// AutoscalingConversion converts HorizontalPodAutoscalers between autoscaling/v2 (the form the
/// sandbox stores, as kube-apiserver does) and autoscaling/v1 (what `kubectl autoscale` of
/// v1.32 sends). As upstream (pkg/apis/autoscaling/v1/conversion.go), v1 carries the CPU
/// utilization target in its own fields and whatever v2 says beyond it in annotations: other
/// metrics, behavior, current metrics and conditions, so nothing is lost on a round trip. The
/// annotations hold the v2 JSON of those fields.
namespace AutoscalingConversion {

/// AutoscalingConversion::toV1 renders a stored autoscaling/v2 object as autoscaling/v1.
QJsonObject toV1(const QJsonObject &v2);

/// AutoscalingConversion::toV2 turns an autoscaling/v1 object into the stored v2 form (fields
/// already in v2 form, as a status copied from storage, are kept).
QJsonObject toV2(const QJsonObject &v1);

} // namespace AutoscalingConversion

} // namespace Qluster
