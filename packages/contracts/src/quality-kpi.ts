/** Quality KPIs and in-process (telemetry) coil quality (issue 6): API input shapes of `qualityKpi.*`. */
export {};
