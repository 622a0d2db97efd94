/**
 * The checks systemd 252 makes on a service once all its files are read
 * (service_verify): each refusal leaves the unit in `bad-setting`.
 */

import type { ServiceSettings } from './types.ts';

/** What the checks need beyond ServiceSettings, noted while reading. */
export interface ServiceFacts {
  typeExplicit: boolean;
  successAction: boolean;
  busName: boolean;
  runtimeMaxSec: boolean;
  runtimeRandomizedExtraSec: boolean;
  usbFunctionDescriptors: boolean;
  usbFunctionStrings: boolean;
}

export interface ServiceCheckResult {
  message: string;
  fatal: boolean;
}

/** Type= when not set: simple with an ExecStart=, oneshot without. */
export function settleServiceType(service: ServiceSettings, facts: ServiceFacts): void {
  if (!facts.typeExplicit) service.type = service.execStart.length > 0 ? 'simple' : 'oneshot';
}

/** Problems in check order; a fatal one ends the list, as systemd refuses at the first. */
export function checkService(service: ServiceSettings, facts: ServiceFacts): ServiceCheckResult[] {
  const hasStart = service.execStart.length > 0;
  const refuse = (message: string): ServiceCheckResult[] => [{ message: `${message} Refusing.`, fatal: true }];
  if (!hasStart && service.execStop.length === 0 && !facts.successAction) {
    return refuse('Service has no ExecStart=, ExecStop=, or SuccessAction=.');
  }
  if (service.type !== 'oneshot' && !hasStart) {
    return refuse('Service has no ExecStart= setting, which is only allowed for Type=oneshot services.');
  }
  if (!service.remainAfterExit && !hasStart && !facts.successAction) {
    return refuse('Service has no ExecStart= and no SuccessAction= settings and does not have RemainAfterExit=yes set.');
  }
  if (service.type !== 'oneshot' && service.execStart.length > 1) {
    return refuse('Service has more than one ExecStart= setting, which is only allowed for Type=oneshot services.');
  }
  if (service.type === 'oneshot' && (service.restart === 'always' || service.restart === 'on-success')) {
    return refuse("Service has Restart= set to either always or on-success, which isn't allowed for Type=oneshot services.");
  }
  if (service.type === 'dbus' && !facts.busName) {
    return refuse('Service is of type D-Bus but no D-Bus service name has been specified.');
  }
  const warnings: string[] = [];
  if (facts.usbFunctionDescriptors && !facts.usbFunctionStrings) {
    warnings.push('Service has USBFunctionDescriptors= setting, but no USBFunctionStrings=. Ignoring.');
  }
  if (!facts.usbFunctionDescriptors && facts.usbFunctionStrings) {
    warnings.push('Service has USBFunctionStrings= setting, but no USBFunctionDescriptors=. Ignoring.');
  }
  if (facts.runtimeMaxSec && service.type === 'oneshot') {
    warnings.push('RuntimeMaxSec= has no effect in combination with Type=oneshot. Ignoring.');
  }
  if (!facts.runtimeMaxSec && facts.runtimeRandomizedExtraSec) {
    warnings.push('Service has RuntimeRandomizedExtraSec= setting, but no RuntimeMaxSec=. Ignoring.');
  }
  return warnings.map((message) => ({ message, fatal: false }));
}
