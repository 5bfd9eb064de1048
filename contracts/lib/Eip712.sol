// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

/// @notice EIP-712 domain and signature checks shaped like EigenLayer's SignatureUtilsMixin:
///         domain name "EigenLayer", domain version = first character of version() (mainnet's
///         SemVerMixin._majorVersion), EOA signatures via ecrecover, contracts via EIP-1271.
library Eip712 {
    bytes32 internal constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");

    function domainSeparator(string memory version) internal view returns (bytes32) {
        bytes memory v = bytes(version);
        bytes memory major = new bytes(1);
        major[0] = v[0];
        return keccak256(abi.encode(DOMAIN_TYPEHASH, keccak256("EigenLayer"), keccak256(major), block.chainid, address(this)));
    }

    function digest(bytes32 domain, bytes32 structHash) internal pure returns (bytes32) {
        return keccak256(abi.encodePacked("\x19\x01", domain, structHash));
    }

    function isValid(address signer, bytes32 hash, bytes memory sig) internal view returns (bool) {
        if (signer.code.length > 0) {
            (bool ok, bytes memory ret) =
                signer.staticcall(abi.encodeWithSignature("isValidSignature(bytes32,bytes)", hash, sig));
            return ok && ret.length >= 32 && abi.decode(ret, (bytes4)) == 0x1626ba7e;
        }
        if (sig.length != 65) return false;
        bytes32 r;
        bytes32 s;
        uint8 v;
        assembly {
            r := mload(add(sig, 0x20))
            s := mload(add(sig, 0x40))
            v := byte(0, mload(add(sig, 0x60)))
        }
        if (v < 27) v += 27;
        address got = ecrecover(hash, v, r, s);
        return got != address(0) && got == signer;
    }
}
