/**
 * A self-signed certificate for the host name `hooks.test` (valid 2000 to 2100) and its key, for a webhook receiver
 * on this machine that the worker reaches over https by name: made for the tests only and trusted nowhere else.
 */
export const HOOKS_TEST_HOST = 'hooks.test';

export const HOOKS_TEST_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg+j2TjYajvXX91/FB
1LOfi7XA/dI2D0By+QAk7hUVznOhRANCAASL+gAImfgiO31Z8jbxD/bEzMnnhw4W
Wvb6GI+DuHmA+cPzQW+lwL8VhWSe52XfjVv/ismhSMEAqOM875Hz+FgR
-----END PRIVATE KEY-----
`;

export const HOOKS_TEST_CERT = `-----BEGIN CERTIFICATE-----
MIIBZTCCAQqgAwIBAgIBATAKBggqhkjOPQQDAjAVMRMwEQYDVQQDDApob29rcy50
ZXN0MCAXDTAwMDEwMTAwMDAwMFoYDzIxMDAwMTAxMDAwMDAwWjAVMRMwEQYDVQQD
DApob29rcy50ZXN0MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEi/oACJn4Ijt9
WfI28Q/2xMzJ54cOFlr2+hiPg7h5gPnD80FvpcC/FYVknudl341b/4rJoUjBAKjj
PO+R8/hYEaNJMEcwDwYDVR0TAQH/BAUwAwEB/zAVBgNVHREEDjAMggpob29rcy50
ZXN0MB0GA1UdDgQWBBQqk0EQQyw9m88MWcfpLEx2b3qPHDAKBggqhkjOPQQDAgNJ
ADBGAiEAlCcMywTeLvX23q968RRuefCVOZkNUZs4iIpQU0QA8T4CIQDmqa49pN8s
lCT7+QK3L2IDleK9aLiAfwXAkPjQiqcVhw==
-----END CERTIFICATE-----
`;
