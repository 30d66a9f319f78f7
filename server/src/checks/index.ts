import type { Check } from './types';
import { yamlSyntax } from './yaml-syntax';
import { frontmatterSyntax } from './frontmatter-syntax';
import { schema } from './schema';
import { fileTooLarge } from './file-too-large';
import { fileUnreadable } from './file-unreadable';
import { encoding } from './encoding';
import { duplicateId } from './duplicate-id';
import { unknownCriterion } from './unknown-criterion';
import { unknownReference } from './unknown-reference';
import { outOfScopeCriterion } from './out-of-scope-criterion';
import { unmappedCriterion } from './unmapped-criterion';
import { controlUnmapped } from './control-unmapped';
import { policyUnmapped } from './policy-unmapped';
import { missingOwner } from './missing-owner';
import { missingReviewDate } from './missing-review-date';
import { staleReview } from './stale-review';
import { reviewDueSoon } from './review-due-soon';
import { frequencyMismatch } from './frequency-mismatch';
import { policyFrequencyConflict } from './policy-frequency-conflict';
import { oneSidedLink } from './one-sided-link';
import { evidenceMissing } from './evidence-missing';
import { evidenceStale } from './evidence-stale';
import { evidenceGap } from './evidence-gap';
import { evidenceFutureDated } from './evidence-future-dated';
import { riskUntreated } from './risk-untreated';
import { riskUnknownControl } from './risk-unknown-control';
import { riskAcceptanceExpired } from './risk-acceptance-expired';
import { approverIsOwner } from './approver-is-owner';
import { policyChangedSinceApproval } from './policy-changed-since-approval';
import { vagueLanguage } from './vague-language';
import { policyMissingSection } from './policy-missing-section';
import { policyPlaceholder } from './policy-placeholder';
// The vendor register and the system description.
import { vendorAssuranceMissing } from './vendor-assurance-missing';
import { vendorAssuranceStale } from './vendor-assurance-stale';
import { vendorAssuranceGap } from './vendor-assurance-gap';
import { subserviceWithoutCsocs } from './subservice-without-csocs';
import { vendorUnmonitored } from './vendor-unmonitored';
import { carveOutUnregistered } from './carve-out-unregistered';
import { descriptionMissingSection } from './description-missing-section';
import { descriptionSubserviceMismatch } from './description-subservice-mismatch';
import { descriptionExclusionMismatch } from './description-exclusion-mismatch';
import { unknownOwner } from './unknown-owner';
import { ownerDeparted } from './owner-departed';
import { acknowledgementMissing } from './acknowledgement-missing';
import { trainingOverdue } from './training-overdue';
import { remediationOverdue } from './remediation-overdue';

/** Every check, in the order their findings are listed. Adding a check: add its file, then a line here. */
export const CHECKS: readonly Check[] = [
  yamlSyntax, frontmatterSyntax, schema, fileTooLarge, fileUnreadable, encoding,
  duplicateId, unknownCriterion, unknownReference, outOfScopeCriterion, unmappedCriterion,
  controlUnmapped, policyUnmapped, missingOwner, missingReviewDate, staleReview, reviewDueSoon,
  frequencyMismatch, policyFrequencyConflict, oneSidedLink, evidenceMissing, evidenceStale, evidenceGap, evidenceFutureDated,
  vagueLanguage, policyMissingSection, policyPlaceholder,
  riskUntreated, riskUnknownControl, riskAcceptanceExpired, approverIsOwner, policyChangedSinceApproval,
  vendorAssuranceMissing, vendorAssuranceStale, vendorAssuranceGap, subserviceWithoutCsocs, vendorUnmonitored,
  carveOutUnregistered, descriptionMissingSection, descriptionSubserviceMismatch, descriptionExclusionMismatch,
  unknownOwner, ownerDeparted, acknowledgementMissing, trainingOverdue, remediationOverdue,
];

export const CHECK_BY_CODE: ReadonlyMap<string, Check> = new Map(CHECKS.map((c) => [c.code, c]));
