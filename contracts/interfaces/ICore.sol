// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {OperatorSet} from "./Types.sol";

/// @notice The internal hooks the core contracts call on each other (mainnet has the same hooks;
///         only the subset the devnet needs is declared).
interface IERC20Like {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function balanceOf(address who) external view returns (uint256);
    function decimals() external view returns (uint8);
}

interface IStrategyLike {
    function underlyingToken() external view returns (address);
    function deposit(address token, uint256 amount) external returns (uint256);
    function withdraw(address recipient, address token, uint256 amountShares) external;
}

/// @dev Implemented by StrategyManager and EigenPodManager (mainnet IShareManager).
interface IShareManager {
    function removeDepositShares(address staker, address strategy, uint256 depositSharesToRemove) external returns (uint256);
    function addShares(address staker, address strategy, uint256 shares) external returns (uint256, uint256);
    function withdrawSharesAsTokens(address staker, address strategy, address token, uint256 shares) external;
    function stakerDepositShares(address user, address strategy) external view returns (uint256);
    function increaseBurnOrRedistributableShares(OperatorSet calldata operatorSet, uint256 slashId, address strategy, uint256 addedSharesToBurn) external;
}

interface IStrategyManagerCore is IShareManager {
    function getDeposits(address staker) external view returns (address[] memory, uint256[] memory);
    function addStrategiesToDepositWhitelist(address[] calldata strategies) external;
}

interface IEigenPodManagerCore is IShareManager {
    function beaconChainSlashingFactor(address staker) external view returns (uint64);
    function recordBeaconChainETHBalanceUpdate(address podOwner, uint256 prevRestakedBalanceWei, int256 balanceDeltaWei) external;
}

interface IDelegationCore {
    function isOperator(address operator) external view returns (bool);
    function increaseDelegatedShares(address staker, address strategy, uint256 prevDepositShares, uint256 addedShares) external;
    function decreaseDelegatedShares(address staker, uint256 curDepositShares, uint64 beaconChainSlashingFactorDecrease) external;
    function slashOperatorShares(address operator, OperatorSet calldata operatorSet, uint256 slashId, address strategy, uint64 prevMaxMagnitude, uint64 newMaxMagnitude) external returns (uint256);
    function getOperatorShares(address operator, address[] memory strategies) external view returns (uint256[] memory);
}

interface IAllocationCore {
    function setAllocationDelay(address operator, uint32 delay) external;
    function getMaxMagnitudes(address operator, address[] memory strategies) external view returns (uint64[] memory);
    function getMaxMagnitudesAtBlock(address operator, address[] memory strategies, uint32 blockNumber) external view returns (uint64[] memory);
    function getRedistributionRecipient(OperatorSet memory operatorSet) external view returns (address);
}

interface IAVSRegistrarLike {
    function registerOperator(address operator, address avs, uint32[] calldata operatorSetIds, bytes calldata data) external;
    function deregisterOperator(address operator, address avs, uint32[] calldata operatorSetIds) external;
    function supportsAVS(address avs) external view returns (bool);
}

interface IEigenPodLike {
    function withdrawRestakedBeaconChainETH(address recipient, uint256 amountWei) external;
}
