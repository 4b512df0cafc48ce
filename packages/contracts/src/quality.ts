/** Total quality (issue 6): inspection plans, lab requests, results, nonconformances — API input shapes. */
export {};
