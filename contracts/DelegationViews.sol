// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {Withdrawal} from "./interfaces/Types.sol";
import {DelegationStorage} from "./DelegationStorage.sol";
import {WadMath} from "./lib/WadMath.sol";

/// @notice Read side of the DelegationManager (mainnet view semantics, see SharesAccounting.md).
abstract contract DelegationViews is DelegationStorage {
    using WadMath for uint256;

    function isDelegated(address staker) public view returns (bool) {
        return delegatedTo[staker] != address(0);
    }

    function isOperator(address operator) public view returns (bool) {
        return operator != address(0) && delegatedTo[operator] == operator;
    }

    function delegationApprover(address operator) external view returns (address) {
        return _approver[operator];
    }

    function getOperatorShares(address operator, address[] memory strategies) public view returns (uint256[] memory shares) {
        shares = new uint256[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) shares[i] = operatorShares[operator][strategies[i]];
    }

    function getOperatorsShares(address[] memory operators, address[] memory strategies) external view returns (uint256[][] memory shares) {
        shares = new uint256[][](operators.length);
        for (uint256 i = 0; i < operators.length; ++i) shares[i] = getOperatorShares(operators[i], strategies);
    }

    /// @dev StrategyManager deposits plus the beacon-chain strategy when pod shares are positive.
    function getDepositedShares(address staker) public view returns (address[] memory, uint256[] memory) {
        (address[] memory strats, uint256[] memory shares) = strategyManager.getDeposits(staker);
        uint256 podShares = eigenPodManager.stakerDepositShares(staker, beaconChainETHStrategy);
        if (podShares == 0) return (strats, shares);
        address[] memory s2 = new address[](strats.length + 1);
        uint256[] memory d2 = new uint256[](strats.length + 1);
        for (uint256 i = 0; i < strats.length; ++i) {
            s2[i] = strats[i];
            d2[i] = shares[i];
        }
        s2[strats.length] = beaconChainETHStrategy;
        d2[strats.length] = podShares;
        return (s2, d2);
    }

    function getWithdrawableShares(address staker, address[] memory strategies)
        public
        view
        returns (uint256[] memory withdrawableShares, uint256[] memory depositShares)
    {
        uint256[] memory sf = _slashingFactors(staker, delegatedTo[staker], strategies);
        withdrawableShares = new uint256[](strategies.length);
        depositShares = new uint256[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) {
            depositShares[i] = _shareManager(strategies[i]).stakerDepositShares(staker, strategies[i]);
            withdrawableShares[i] = depositShares[i].mulWad(depositScalingFactor(staker, strategies[i])).mulWad(sf[i]);
        }
    }

    function convertToDepositShares(address staker, address[] memory strategies, uint256[] memory withdrawableShares)
        external
        view
        returns (uint256[] memory depositShares)
    {
        uint256[] memory sf = _slashingFactors(staker, delegatedTo[staker], strategies);
        depositShares = new uint256[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) {
            depositShares[i] = withdrawableShares[i].divWad(depositScalingFactor(staker, strategies[i])).divWad(sf[i]);
        }
    }

    function getSlashableSharesInQueue(address operator, address strategy) external view returns (uint256) {
        uint64 maxMag = allocationManager.getMaxMagnitudes(operator, _one(strategy))[0];
        return _slashableScaledInQueue(operator, strategy).mulWad(maxMag);
    }

    function calculateWithdrawalRoot(Withdrawal memory withdrawal) public pure returns (bytes32) {
        return keccak256(abi.encode(withdrawal));
    }

    function queuedWithdrawals(bytes32 withdrawalRoot) external view returns (Withdrawal memory withdrawal) {
        return _queued[withdrawalRoot];
    }

    function getQueuedWithdrawal(bytes32 withdrawalRoot) external view returns (Withdrawal memory withdrawal, uint256[] memory shares) {
        withdrawal = _queued[withdrawalRoot];
        shares = _sharesAfterSlashing(withdrawal);
    }

    function getQueuedWithdrawals(address staker) external view returns (Withdrawal[] memory withdrawals, uint256[][] memory shares) {
        bytes32[] memory roots = _rootsOf[staker];
        withdrawals = new Withdrawal[](roots.length);
        shares = new uint256[][](roots.length);
        for (uint256 i = 0; i < roots.length; ++i) {
            withdrawals[i] = _queued[roots[i]];
            shares[i] = _sharesAfterSlashing(withdrawals[i]);
        }
    }

    function getQueuedWithdrawalRoots(address staker) external view returns (bytes32[] memory) {
        return _rootsOf[staker];
    }

    /// @dev "Assuming all slashings are applied": while the withdrawal is still slashable use today's
    ///      factors; once the window closed, the factors at its last slashable block.
    function _sharesAfterSlashing(Withdrawal memory w) internal view returns (uint256[] memory shares) {
        shares = new uint256[](w.strategies.length);
        if (w.staker == address(0)) return shares;
        uint32 slashableUntil = w.startBlock + minWithdrawalDelayBlocks;
        uint256[] memory sf = block.number > slashableUntil
            ? _slashingFactorsAtBlock(w.staker, w.delegatedTo, w.strategies, slashableUntil)
            : _slashingFactors(w.staker, w.delegatedTo, w.strategies);
        for (uint256 i = 0; i < shares.length; ++i) shares[i] = w.scaledShares[i].mulWad(sf[i]);
    }
}
