// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {StrategyBase} from "./StrategyBase.sol";
import {IStrategyManagerCore} from "./interfaces/ICore.sol";

/// @notice Permissionless strategy deployment like mainnet's StrategyFactory, but with a plain `new`
///         instead of a beacon proxy (upgradeability is irrelevant on a devnet). Must be the
///         StrategyManager's strategyWhitelister so new strategies are deposit-whitelisted at once.
contract StrategyFactory {
    address public immutable strategyManager;
    address public immutable owner;
    mapping(address => address) public deployedStrategies;

    event StrategySetForToken(address token, address strategy);

    error StrategyAlreadyExists();
    error OnlyOwner();

    constructor(address strategyManager_) {
        strategyManager = strategyManager_;
        owner = msg.sender;
    }

    function deployNewStrategy(address token) external returns (address newStrategy) {
        if (deployedStrategies[token] != address(0)) revert StrategyAlreadyExists();
        newStrategy = address(new StrategyBase(strategyManager, token));
        deployedStrategies[token] = newStrategy;
        emit StrategySetForToken(token, newStrategy);
        address[] memory list = new address[](1);
        list[0] = newStrategy;
        IStrategyManagerCore(strategyManager).addStrategiesToDepositWhitelist(list);
    }

    function whitelistStrategies(address[] calldata strategiesToWhitelist) external {
        if (msg.sender != owner) revert OnlyOwner();
        IStrategyManagerCore(strategyManager).addStrategiesToDepositWhitelist(strategiesToWhitelist);
    }
}
