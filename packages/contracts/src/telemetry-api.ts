/** Live values and trends in the portal (issue 4): API input shapes of `telemetry.*`. */
export {};
