// callback.html: completes the login popup and hands the result to the opener.
export {};
