/** certificate (see README.md beside this file once filled). */
export {};
