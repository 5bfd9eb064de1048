// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

/// @notice Structs shared by several contracts. Field order/types are what the mainnet ABI encodes
///         (names are labels only and do not enter selectors).
struct OperatorSet {
    address avs;
    uint32 id;
}

struct Withdrawal {
    address staker;
    address delegatedTo;
    address withdrawer;
    uint256 nonce;
    uint32 startBlock;
    address[] strategies;
    uint256[] scaledShares;
}

struct QueuedWithdrawalParams {
    address[] strategies;
    uint256[] depositShares;
    address __deprecated_withdrawer;
}

struct SignatureWithExpiry {
    bytes signature;
    uint256 expiry;
}

struct Allocation {
    uint64 currentMagnitude;
    int128 pendingDiff;
    uint32 effectBlock;
}

struct AllocateParams {
    OperatorSet operatorSet;
    address[] strategies;
    uint64[] newMagnitudes;
}

struct RegisterParams {
    address avs;
    uint32[] operatorSetIds;
    bytes data;
}

struct DeregisterParams {
    address operator;
    address avs;
    uint32[] operatorSetIds;
}

struct CreateSetParams {
    uint32 operatorSetId;
    address[] strategies;
}

struct CreateSetParamsV2 {
    uint32 operatorSetId;
    address[] strategies;
    address slasher;
}

struct SlashingParams {
    address operator;
    uint32 operatorSetId;
    address[] strategies;
    uint256[] wadsToSlash;
    string description;
}

/// @dev Same packing as mainnet's OperatorSetLib.key: avs in the top 20 bytes, id in the low bits.
library OperatorSetKey {
    function key(OperatorSet memory s) internal pure returns (bytes32) {
        return bytes32(abi.encodePacked(s.avs, uint96(s.id)));
    }

    function decode(bytes32 k) internal pure returns (OperatorSet memory) {
        return OperatorSet(address(bytes20(k)), uint32(uint256(k)));
    }
}
