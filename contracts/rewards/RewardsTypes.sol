// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

/// @notice RewardsCoordinator structs in mainnet field order (v1.12.0 IRewardsCoordinatorTypes).
///         Names are labels only; the ABI encodes the field types in this order.
struct DistributionRoot {
    bytes32 root;
    uint32 rewardsCalculationEndTimestamp;
    uint32 activatedAt;
    bool disabled;
}

struct EarnerTreeMerkleLeaf {
    address earner;
    bytes32 earnerTokenRoot;
}

struct TokenTreeMerkleLeaf {
    address token;
    uint256 cumulativeEarnings;
}

struct RewardsMerkleClaim {
    uint32 rootIndex;
    uint32 earnerIndex;
    bytes earnerTreeProof;
    EarnerTreeMerkleLeaf earnerLeaf;
    uint32[] tokenIndices;
    bytes[] tokenTreeProofs;
    TokenTreeMerkleLeaf[] tokenLeaves;
}

struct StrategyAndMultiplier {
    address strategy;
    uint96 multiplier;
}

struct RewardsSubmission {
    StrategyAndMultiplier[] strategiesAndMultipliers;
    address token;
    uint256 amount;
    uint32 startTimestamp;
    uint32 duration;
}

struct OperatorReward {
    address operator;
    uint256 amount;
}

struct OperatorDirectedRewardsSubmission {
    StrategyAndMultiplier[] strategiesAndMultipliers;
    address token;
    OperatorReward[] operatorRewards;
    uint32 startTimestamp;
    uint32 duration;
    string description;
}

/// @dev Mainnet's OperatorSplit storage: a pending change keeps the old value until activatedAt.
struct OperatorSplit {
    uint16 oldSplitBips;
    uint16 newSplitBips;
    uint32 activatedAt;
}
