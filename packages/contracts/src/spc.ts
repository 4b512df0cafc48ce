/** SPC charts (issue 6): API input shapes of `spc.*`. */
export {};
