// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

/// @notice Karak structs with the mainnet field order (reference §3.8/§6.3); struct names are labels
///         only, the tuple layouts are what the ABI (and every selector) depends on.
struct SlashRequest {
    address operator;
    uint96[] slashPercentagesWad;
    address[] vaults;
}

struct QueuedSlashing {
    address dss;
    uint96 timestamp;
    address operator;
    address[] vaults;
    uint96[] slashPercentagesWad;
    uint256 nonce;
}

struct StakeUpdateRequest {
    address vault;
    address dss;
    bool toStake;
}

struct QueuedStakeUpdate {
    uint48 nonce;
    uint48 startTimestamp;
    address operator;
    StakeUpdateRequest updateRequest;
}

struct VaultConfig {
    address asset;
    uint8 decimals;
    address operator;
    string name;
    string symbol;
    bytes extraData;
}

struct QueuedWithdrawal {
    address staker;
    uint96 start;
    uint256 shares;
    address beneficiary;
}

/// V1 DelegationSupervisor withdrawal request and its queued form.
struct WithdrawRequest {
    address[] vaults;
    uint256[] shares;
    address withdrawer;
}

struct QueuedWithdrawalV1 {
    address staker;
    address delegatedTo;
    uint256 nonce;
    uint256 start;
    WithdrawRequest request;
}

interface IKarakAsset {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function balanceOf(address who) external view returns (uint256);
    function decimals() external view returns (uint8);
}

interface IKarakVaultSlashable {
    function totalAssets() external view returns (uint256);
    function asset() external view returns (address);
    function slashAssets(uint256 assets, address slashingHandler) external;
}
