/** Mill test certificates and traceability (issue 6): API input shapes of `certificate.*`. */
export {};
