/** quality (see README.md beside this file once filled). */
export {};
